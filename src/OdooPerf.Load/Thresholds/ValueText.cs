using System.Globalization;

namespace OdooPerf.Load.Thresholds;

/// <summary>How metric values are written in threshold expressions and verdict lines (invariant culture).</summary>
internal static class ValueText
{
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A limit given in canonical units, written as a tester would: <c>3s</c>, <c>500ms</c>, <c>2%</c>.</summary>
    public static string Canonical(ThresholdMetric metric, double value) => metric.Kind() switch
    {
        MetricKind.Latency when value >= 60_000 && value % 60_000 == 0 => Number(value / 60_000) + "m",
        MetricKind.Latency when value >= 1_000 && value % 1_000 == 0 => Number(value / 1_000) + "s",
        MetricKind.Latency => Number(value) + "ms",
        MetricKind.Rate => Number(value * 100) + "%",
        _ => Number(value),
    };

    /// <summary>A measured value for a verdict line: <c>412 ms</c>, <c>2.41 s</c>, <c>1.5%</c>, <c>120.3/s</c>, <c>1000</c>.</summary>
    public static string Measured(ThresholdMetric metric, double value)
    {
        if (double.IsNaN(value))
            return "not a number";
        return metric.Kind() switch
        {
            MetricKind.Latency when Math.Abs(value) >= 1_000 => (value / 1_000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
            MetricKind.Latency => value.ToString("0.##", CultureInfo.InvariantCulture) + " ms",
            MetricKind.Rate => (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%",
            MetricKind.Throughput => value.ToString("0.#", CultureInfo.InvariantCulture) + "/s",
            _ => value.ToString("0", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A signed percentage change: <c>+14.8%</c>, <c>-3%</c>.</summary>
    public static string Change(double percent) =>
        (percent >= 0 ? "+" : "") + percent.ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
