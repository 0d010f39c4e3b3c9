using Microsoft.Extensions.Logging;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.OdooLog;

/// <summary>
/// The tailer's own figures per followed file, read at scrape time: <c>odooperf_log_lines_total</c>,
/// <c>odooperf_log_lines_unparsed_total</c>, <c>odooperf_log_position_bytes</c>,
/// <c>odooperf_log_rotations_total</c>, <c>odooperf_log_file_open</c>, and
/// <c>odooperf_log_request_lines_hidden</c>: 1 when Odoo's log level keeps request lines out of the log,
/// so that zero traffic on the dashboards is not mistaken for zero users.
/// </summary>
public sealed class OdooLogSource : IMetricSource
{
    private readonly OdooLogPipeline _pipeline;
    private readonly ILogger _logger;
    private readonly ScrapedFamilySet _families = new();
    private readonly ScrapedCounter _lines;
    private readonly ScrapedCounter _unparsed;
    private readonly ScrapedGauge _position;
    private readonly ScrapedCounter _rotations;
    private readonly ScrapedGauge _open;
    private readonly ScrapedGauge _hidden;
    private readonly HashSet<string> _warnedHidden = new(StringComparer.Ordinal);

    public OdooLogSource(OdooLogPipeline pipeline, IMetricFactory factory, CardinalityGuard guard, ILogger logger)
    {
        _pipeline = pipeline;
        _logger = logger;
        _lines = _families.Add(new ScrapedCounter(factory, guard, "odooperf_log_lines_total", "Lines read from the Odoo log (too-long lines included).", "file"));
        _unparsed = _families.Add(new ScrapedCounter(factory, guard, "odooperf_log_lines_unparsed_total", "Lines that were not Odoo log entries or their continuation (foreign, malformed, binary, too long).", "file"));
        _position = _families.Add(new ScrapedGauge(factory, guard, "odooperf_log_position_bytes", "Read position in the file currently followed.", "file"));
        _rotations = _families.Add(new ScrapedCounter(factory, guard, "odooperf_log_rotations_total", "Rotations seen: rename, delete and recreate, truncation.", "file"));
        _open = _families.Add(new ScrapedGauge(factory, guard, "odooperf_log_file_open", "1 while the log is open (0: it does not exist yet or cannot be read).", "file"));
        _hidden = _families.Add(new ScrapedGauge(
            factory,
            guard,
            "odooperf_log_request_lines_hidden",
            "1 when the log evidently omits request lines (--log-level above info, or --log-handler=werkzeug:WARNING): odoo_http_* then stay at zero whatever the traffic.",
            "file"));
    }

    public string Name => "odoo_log";

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        _families.BeginUpdate();
        foreach (var (status, sink) in _pipeline.Files())
        {
            _lines.Set(status.LinesDelivered + status.TooLongLines, status.Name);
            _rotations.Set(status.Rotations, status.Name);
            _open.Set(status.IsOpen ? 1 : 0, status.Name);
            if (status.HasPosition)
            {
                _position.Set(status.PositionBytes, status.Name);
            }

            if (sink is not null)
            {
                _unparsed.Set(sink.Recorder.Unparsed, status.Name);
                var hidden = sink.Recorder.RequestLinesHidden;
                _hidden.Set(hidden ? 1 : 0, status.Name);
                if (hidden && _warnedHidden.Add(status.Name))
                {
                    _logger.LogWarning(
                        "{File} has no request lines although Odoo is logging: its log level (--log-level, --log-handler werkzeug:WARNING) hides them, so odoo_http_* metrics will stay at zero",
                        status.Name);
                }
            }
        }

        _families.EndUpdate();
        return Task.CompletedTask;
    }

    public void Clear() => _families.Clear();
}
