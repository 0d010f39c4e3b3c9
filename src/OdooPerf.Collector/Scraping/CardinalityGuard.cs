using Prometheus;

namespace OdooPerf.Collector.Scraping;

/// <summary>
/// Bounds the number of label sets a metric family may publish, so that a host with thousands of
/// network interfaces or mounts (or, later, a log full of distinct URLs) cannot blow up Prometheus.
/// Label sets beyond the limit are not published and are counted in
/// <c>odooperf_series_dropped_total{metric}</c>.
/// </summary>
public sealed class CardinalityGuard
{
    public const int DefaultMaxSeriesPerMetric = 2000;

    private readonly Counter _dropped;

    public CardinalityGuard(IMetricFactory factory, int maxSeriesPerMetric = DefaultMaxSeriesPerMetric)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSeriesPerMetric, 1);
        MaxSeriesPerMetric = maxSeriesPerMetric;
        _dropped = factory.CreateCounter(
            "odooperf_series_dropped_total",
            "Label sets not published because their metric reached the cardinality limit.",
            new CounterConfiguration { LabelNames = ["metric"] });
    }

    public int MaxSeriesPerMetric { get; }

    /// <summary>
    /// Asks whether a family that already publishes <paramref name="publishedSeries"/> label sets may add
    /// one more. A refusal is counted against <paramref name="metric"/>.
    /// </summary>
    public bool TryAdmit(string metric, int publishedSeries)
    {
        if (publishedSeries < MaxSeriesPerMetric)
        {
            return true;
        }

        _dropped.WithLabels(metric).Inc();
        return false;
    }

    /// <summary>How many label sets have been refused for <paramref name="metric"/> so far.</summary>
    public double DroppedCount(string metric) => _dropped.WithLabels(metric).Value;
}
