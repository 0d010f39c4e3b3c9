using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Thresholds;

/// <summary>Names, kinds and values of the <see cref="ThresholdMetric"/>s.</summary>
public static class ThresholdMetrics
{
    private static readonly (ThresholdMetric Metric, string Name)[] Names =
    [
        (ThresholdMetric.P50, "p50"), (ThresholdMetric.P75, "p75"), (ThresholdMetric.P90, "p90"),
        (ThresholdMetric.P95, "p95"), (ThresholdMetric.P99, "p99"), (ThresholdMetric.P999, "p99.9"),
        (ThresholdMetric.Min, "min"), (ThresholdMetric.Mean, "mean"), (ThresholdMetric.StdDev, "stddev"),
        (ThresholdMetric.Max, "max"), (ThresholdMetric.FailRate, "fail_rate"), (ThresholdMetric.Rps, "rps"),
        (ThresholdMetric.Requests, "requests"), (ThresholdMetric.Failed, "failed"), (ThresholdMetric.Ok, "ok"),
    ];

    /// <summary>The names accepted in expressions, in the order error messages list them.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The name as written in expressions and reports, e.g. <c>p99.9</c>, <c>fail_rate</c>.</summary>
    public static string Name(this ThresholdMetric metric) => Names.First(n => n.Metric == metric).Name;

    /// <summary>Case-insensitive; <c>p999</c> is accepted for <c>p99.9</c>.</summary>
    public static bool TryParse(string name, out ThresholdMetric metric)
    {
        if (name.Equals("p999", StringComparison.OrdinalIgnoreCase))
        {
            metric = ThresholdMetric.P999;
            return true;
        }
        foreach (var (candidate, candidateName) in Names)
        {
            if (candidateName.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                metric = candidate;
                return true;
            }
        }
        metric = default;
        return false;
    }

    public static MetricKind Kind(this ThresholdMetric metric) => metric switch
    {
        ThresholdMetric.FailRate => MetricKind.Rate,
        ThresholdMetric.Rps => MetricKind.Throughput,
        ThresholdMetric.Requests or ThresholdMetric.Failed or ThresholdMetric.Ok => MetricKind.Count,
        _ => MetricKind.Latency,
    };

    /// <summary>
    /// True when a larger value is worse (latencies, failures); false for throughput and success counts.
    /// Decides the sign a regression threshold must carry (<c>p95 +20%</c>, <c>rps -10%</c>).
    /// </summary>
    public static bool HigherIsWorse(this ThresholdMetric metric) =>
        metric is not (ThresholdMetric.Rps or ThresholdMetric.Requests or ThresholdMetric.Ok);

    /// <summary>
    /// True when the metric means nothing without at least one request (a latency or a fail rate of an empty
    /// scope is 0, which would pass any upper limit), so an empty scope fails rather than passes.
    /// </summary>
    public static bool NeedsRequests(this ThresholdMetric metric) => metric.Kind() is MetricKind.Latency or MetricKind.Rate;

    /// <summary>The metric's value in canonical units: milliseconds, a 0..1 fraction, requests/s or a count.</summary>
    public static double ValueOf(this ThresholdMetric metric, StatsSnapshot snapshot)
    {
        var latency = snapshot.Latency;
        return metric switch
        {
            ThresholdMetric.Min => latency.MinMs,
            ThresholdMetric.Mean => latency.MeanMs,
            ThresholdMetric.StdDev => latency.StdDevMs,
            ThresholdMetric.P50 => latency.P50Ms,
            ThresholdMetric.P75 => latency.P75Ms,
            ThresholdMetric.P90 => latency.P90Ms,
            ThresholdMetric.P95 => latency.P95Ms,
            ThresholdMetric.P99 => latency.P99Ms,
            ThresholdMetric.P999 => latency.P999Ms,
            ThresholdMetric.Max => latency.MaxMs,
            ThresholdMetric.FailRate => snapshot.FailRate,
            ThresholdMetric.Rps => snapshot.RequestsPerSecond,
            ThresholdMetric.Requests => snapshot.Requests,
            ThresholdMetric.Failed => snapshot.Failed,
            ThresholdMetric.Ok => snapshot.Ok,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
        };
    }
}
