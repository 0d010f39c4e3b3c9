using HdrHistogram;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// Durations in milliseconds (Odoo logs them to the millisecond) in an HdrHistogram with 2 significant
/// digits: percentiles are within 1% of the true value (exact below 256 ms), whatever the count, in about
/// 8 KB. Durations above one hour are counted at one hour; <see cref="MaxMilliseconds"/> stays exact.
/// </summary>
internal sealed class LatencyHistogram
{
    /// <summary>Longest duration the buckets resolve; a request running longer is an outlier, already shown by the exact maximum.</summary>
    public const long HighestMilliseconds = 3_600_000;

    public const int SignificantDigits = 2;

    private readonly IntHistogram _histogram = new(1, HighestMilliseconds, SignificantDigits);

    public long Count => _histogram.TotalCount;

    public long MaxMilliseconds { get; private set; }

    public void Record(long milliseconds)
    {
        if (milliseconds < 0)
        {
            milliseconds = 0;
        }

        if (milliseconds > MaxMilliseconds)
        {
            MaxMilliseconds = milliseconds;
        }

        _histogram.RecordValue(Math.Min(milliseconds, HighestMilliseconds));
    }

    public void Add(LatencyHistogram other)
    {
        _histogram.Add(other._histogram);
        MaxMilliseconds = Math.Max(MaxMilliseconds, other.MaxMilliseconds);
    }

    /// <summary>
    /// The value at <paramref name="percentile"/> (0-100) by nearest rank: the smallest recorded value that
    /// at least that share of the values do not exceed (to the histogram's precision, and never above the maximum).
    /// </summary>
    public long Percentile(double percentile)
    {
        if (Count == 0)
        {
            return 0;
        }

        return Math.Min(_histogram.GetValueAtPercentile(percentile), MaxMilliseconds);
    }

    public long EstimatedFootprintBytes => _histogram.GetEstimatedFootprintInBytes();
}
