using Microsoft.Extensions.Logging;
using OdooPerf.Collector.Host;
using OdooPerf.Collector.OdooLog;
using OdooPerf.Collector.OdooProbe;
using OdooPerf.Collector.Postgres;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.Hosting;

/// <summary>
/// The collector's metric registry and everything published in it: self-observation, and the sources
/// the options enable, refreshed by one scrape coordinator. This is where a new source is wired in.
/// </summary>
public sealed class CollectorMetrics
{
    public CollectorMetrics(CollectorOptions options, ILoggerFactory loggerFactory, string version)
    {
        // A registry of our own: prometheus-net's default one would also publish every .NET meter under
        // names we do not control.
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        Guard = new CardinalityGuard(factory, options.Scrape.MaxSeriesPerMetric);

        factory.CreateGauge("odooperf_build_info", "OdooPerf collector build; the value is always 1.", new GaugeConfiguration { LabelNames = ["version"] })
            .WithLabels(version).Set(1);
        DotNetStats.Register(Registry);

        var sources = CreateSources(options, factory, Guard, loggerFactory, version);
        if (options.OdooLog.Paths.Count > 0)
        {
            OdooLog = new OdooLogPipeline(options.OdooLog, factory, Guard, loggerFactory);
            sources.Add(OdooLog.Source);
        }

        Sources = sources;
        Coordinator = new ScrapeCoordinator(Sources, factory, options.Scrape, loggerFactory.CreateLogger<ScrapeCoordinator>());
        Coordinator.AttachTo(Registry);
    }

    public CollectorRegistry Registry { get; }

    public CardinalityGuard Guard { get; }

    public IReadOnlyList<IMetricSource> Sources { get; }

    public ScrapeCoordinator Coordinator { get; }

    /// <summary>The Odoo log pipeline, when logs are configured; it runs as a hosted service of its own.</summary>
    public OdooLogPipeline? OdooLog { get; }

    private static List<IMetricSource> CreateSources(CollectorOptions options, IMetricFactory factory, CardinalityGuard guard, ILoggerFactory loggers, string version)
    {
        var sources = new List<IMetricSource>();
        var proc = new ProcFs(options.Host.ProcPath);
        if (options.Host.Enabled)
        {
            sources.Add(new StatSource(proc, factory, guard));
            sources.Add(new LoadavgSource(proc, factory, guard));
            sources.Add(new MeminfoSource(proc, factory, guard));
            sources.Add(new VmstatSource(proc, factory, guard));
            sources.Add(new FilesystemSource(proc, options.Host, factory, guard, loggers.CreateLogger<FilesystemSource>()));
            sources.Add(new DiskstatsSource(proc, factory, guard));
            sources.Add(new NetdevSource(proc, factory, guard));
            sources.Add(new PressureSource(proc, factory, guard, loggers.CreateLogger<PressureSource>()));
            sources.Add(new TimeSource(factory, guard));
        }

        if (options.OdooProcesses.Enabled)
        {
            sources.Add(new OdooProcessesSource(proc, options.OdooProcesses, factory, guard));
        }

        var servers = options.Postgres.Servers;
        foreach (var server in servers)
        {
            // With one server its series carry no server label, as postgres_exporter's; with several,
            // each carries server="NAME" and each is its own source.
            var label = servers.Count > 1 ? server.Name : null;
            var families = new PostgresFamilies(factory, guard, label);
            var connections = new PostgresConnections(server, options.Postgres, options.Scrape.SourceTimeout);
            sources.Add(new PostgresSource(
                label is null ? "postgres" : $"postgres_{label}",
                connections,
                options.Postgres,
                families,
                PostgresCollectorCatalog.Create(families, options.Postgres, server, loggers),
                factory,
                loggers.CreateLogger<PostgresSource>()));
        }

        if (options.OdooProbe.Enabled)
        {
            sources.Add(new OdooProbeSource(options.OdooProbe, factory, guard, loggers.CreateLogger<OdooProbeSource>(), version));
        }

        return sources;
    }
}
