using OdooPerf.Collector.Host;
using OdooPerf.Collector.OdooLog;
using OdooPerf.Collector.OdooProbe;
using OdooPerf.Collector.Postgres;
using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Hosting;

/// <summary>
/// Everything <c>odooperf collect</c> can be told, from embedded defaults, then the JSON config file,
/// then <c>ODOOPERF_</c> environment variables, then command-line flags (the last one wins).
/// </summary>
public sealed class CollectorOptions
{
    /// <summary>HOST:PORT of the /metrics endpoint.</summary>
    public string Listen { get; set; } = ListenAddress.Default;

    public ScrapeOptions Scrape { get; set; } = new();

    public HostMetricsOptions Host { get; set; } = new();

    public OdooProcessesOptions OdooProcesses { get; set; } = new();

    public PostgresOptions Postgres { get; set; } = new();

    public OdooLogOptions OdooLog { get; set; } = new();

    public OdooProbeOptions OdooProbe { get; set; } = new();

    public LoggingOptions Logging { get; set; } = new();

    public TracingOptions Tracing { get; set; } = new();
}
