namespace OdooPerf.Collector.Scraping;

/// <summary>How the scrape coordinator refreshes sources. Bound from the <c>Scrape</c> configuration section.</summary>
public sealed class ScrapeOptions
{
    /// <summary>Deadline of one source's refresh; past it the source is reported down for that scrape.</summary>
    public TimeSpan SourceTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Results younger than this are served again instead of refreshed, so that two Prometheus replicas
    /// scraping together do not double the load on the database. Zero refreshes on every scrape.
    /// </summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Label sets one metric family may publish before the cardinality guard drops new ones.</summary>
    public int MaxSeriesPerMetric { get; set; } = CardinalityGuard.DefaultMaxSeriesPerMetric;
}
