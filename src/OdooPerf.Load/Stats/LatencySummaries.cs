using HdrHistogram;

namespace OdooPerf.Load.Stats;

/// <summary>Turns a microsecond latency histogram into the millisecond <see cref="LatencySummary"/> reports show.</summary>
public static class LatencySummaries
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static LatencySummary From(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return Empty;
        }

        return new LatencySummary(
            MinMs: ToMs(MinValue(histogram)),
            MeanMs: histogram.GetMean() / 1000.0,
            StdDevMs: histogram.GetStdDeviation() / 1000.0,
            P50Ms: Percentile(histogram, 50),
            P75Ms: Percentile(histogram, 75),
            P90Ms: Percentile(histogram, 90),
            P95Ms: Percentile(histogram, 95),
            P99Ms: Percentile(histogram, 99),
            P999Ms: Percentile(histogram, 99.9),
            MaxMs: ToMs(histogram.GetMaxValue()));
    }

    /// <summary>The value at <paramref name="percentile"/> (0 to 100) in milliseconds; 0 for an empty histogram.</summary>
    public static double Percentile(HistogramBase histogram, double percentile)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return histogram.TotalCount == 0 ? 0 : ToMs(histogram.GetValueAtPercentile(percentile));
    }

    // HdrHistogram.NET exposes no minimum; the first non-empty bucket's lowest value is what Java's getMinValue gives.
    private static long MinValue(HistogramBase histogram)
    {
        foreach (var bucket in histogram.RecordedValues())
        {
            return histogram.LowestEquivalentValue(bucket.ValueIteratedTo);
        }

        return 0;
    }

    private static double ToMs(long microseconds) => microseconds / 1000.0;
}
