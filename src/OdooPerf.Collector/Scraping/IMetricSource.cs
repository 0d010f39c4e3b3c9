namespace OdooPerf.Collector.Scraping;

/// <summary>
/// One source of metrics (a /proc file, a PostgreSQL server, the Odoo probe). A source owns its metric
/// families, creates them once, and refreshes their values when the scrape coordinator asks, just before
/// prometheus-net serialises /metrics.
/// </summary>
public interface IMetricSource
{
    /// <summary>Short, stable name: the <c>source</c> label of <c>odooperf_source_up</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Reads the underlying data and updates this source's families. Throwing (or overrunning the
    /// deadline carried by <paramref name="cancellationToken"/>) marks the source down for this scrape;
    /// it never fails the scrape.
    /// </summary>
    Task RefreshAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Removes every series this source publishes. Called when a refresh fails, so that Prometheus sees
    /// the series vanish instead of values frozen at their last reading.
    /// </summary>
    void Clear();
}
