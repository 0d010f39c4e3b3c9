using Microsoft.Extensions.Hosting;

namespace OdooPerf.Collector.OdooLog;

/// <summary>Runs the <see cref="OdooLogPipeline"/> for the daemon's lifetime: the log is a stream, not a scrape.</summary>
public sealed class OdooLogService : BackgroundService
{
    private readonly OdooLogPipeline _pipeline;

    public OdooLogService(OdooLogPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _pipeline.RunAsync(stoppingToken);
}
