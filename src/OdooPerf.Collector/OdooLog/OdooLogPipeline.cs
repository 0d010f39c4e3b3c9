using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OdooPerf.Collector.OdooLog.Tailing;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.OdooLog;

/// <summary>
/// Everything between the configured Odoo logs and /metrics: the tailer with its state file, one
/// <see cref="OdooLogFileSink"/> per file, the shared <see cref="OdooLogMetrics"/>, and the
/// <see cref="OdooLogSource"/> that publishes the tailer's own figures at scrape time.
/// </summary>
public sealed class OdooLogPipeline
{
    private readonly ConcurrentDictionary<string, OdooLogFileSink> _sinks = new(StringComparer.Ordinal);
    private readonly LogTailer _tailer;
    private readonly ILogger _logger;

    public OdooLogPipeline(OdooLogOptions options, IMetricFactory factory, CardinalityGuard guard, ILoggerFactory loggers)
    {
        _logger = loggers.CreateLogger<OdooLogPipeline>();
        Metrics = new OdooLogMetrics(factory, guard, options);
        StateFile = OdooLogStateLocation.Resolve(options, Environment.GetEnvironmentVariable);
        var tail = new TailOptions
        {
            PollInterval = options.PollInterval,
            MaxLineBytes = options.MaxLineBytes,
            FromStart = options.FromStart,
            JournalDirectory = string.IsNullOrEmpty(options.JournalDirectory) ? null : options.JournalDirectory,
        };
        _tailer = new LogTailer(
            options.Paths,
            tail,
            TailStateStore.Open(StateFile, loggers.CreateLogger<TailStateStore>()),
            name => _sinks.GetOrAdd(name, n => new OdooLogFileSink(n, Metrics, options.MaxLineBytes)),
            loggers.CreateLogger<LogTailer>());
        Source = new OdooLogSource(this, factory, guard, _logger);
    }

    public OdooLogMetrics Metrics { get; }

    public string StateFile { get; }

    public IMetricSource Source { get; }

    /// <summary>The tailer's status of every file read, with the sink that parses it (null when none yet).</summary>
    public IEnumerable<(LogSourceStatus Status, OdooLogFileSink? Sink)> Files() =>
        _tailer.Statuses().Select(status => (status, _sinks.GetValueOrDefault(status.Name)));

    /// <summary>Follows the logs until <paramref name="cancellationToken"/> fires, then saves the positions.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Following Odoo logs {Paths}; positions kept in {StateFile}", string.Join(", ", _tailer.Followers.Select(f => f.Source)), StateFile);
        await _tailer.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
