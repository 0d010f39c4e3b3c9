using System.Buffers.Text;
using OdooPerf.Odoo.Logs;
using OdooPerf.Odoo.Routes;

namespace OdooPerf.Collector.OdooLog;

/// <summary>
/// Turns the entries of one followed log into the shared <see cref="OdooLogMetrics"/>. One recorder per
/// file: it keeps that file's per-process cron starts (to time jobs on versions that log no duration) and
/// the counts that reveal a log level hiding the request lines.
/// </summary>
public sealed class OdooLogRecorder : IOdooLogEntryHandler
{
    /// <summary>After this many entries without a single request line, the log is judged to hide them.</summary>
    public const int RequestLinesExpectedWithin = 200;

    private readonly OdooLogMetrics _metrics;
    private readonly OdooCronRunTracker _cronRuns = new();

    public OdooLogRecorder(OdooLogMetrics metrics)
    {
        _metrics = metrics;
    }

    /// <summary>Entries recorded.</summary>
    public long Entries { get; private set; }

    /// <summary>Request entries recorded.</summary>
    public long Requests { get; private set; }

    /// <summary>Entries at INFO level or below (DEBUG): zero when Odoo runs with --log-level=warn or higher.</summary>
    public long InfoOrBelowEntries { get; private set; }

    /// <summary>Requests the workers said they served when they exited (<c>request_count: N</c>).</summary>
    public long RequestsReportedByWorkers { get; private set; }

    /// <summary>Lines the parser could not use, by reason.</summary>
    public long Unparsed { get; private set; }

    /// <summary>
    /// True when the log evidently hides request lines: Odoo has logged enough to have shown some, yet
    /// none came, and either nothing at INFO level came at all (<c>--log-level=warn</c>) or workers report
    /// having served requests (<c>--log-handler=werkzeug:WARNING</c>). An idle Odoo is not flagged.
    /// </summary>
    public bool RequestLinesHidden =>
        Requests == 0
        && ((Entries >= RequestLinesExpectedWithin && InfoOrBelowEntries == 0) || RequestsReportedByWorkers > 0);

    public void OnEntry(in OdooLogEntry entry)
    {
        Entries++;
        if (entry.Level is OdooLogLevel.Info or OdooLogLevel.Debug)
        {
            InfoOrBelowEntries++;
        }

        _metrics.Messages.Get(LevelLabel(entry.Level), _metrics.Loggers.Fold(entry.Logger)).Inc();
        if (entry.HasTraceback)
        {
            _metrics.Tracebacks.Get(_metrics.Exceptions.Fold(entry.ExceptionType)).Inc();
        }

        switch (entry.Kind)
        {
            case OdooLogEntryKind.Request:
                RecordRequest(entry.Request);
                break;
            case OdooLogEntryKind.WorkerMemorySoftLimit:
                _metrics.WorkerLimitEvents.WithLabels("memory_soft").Inc();
                break;
            case OdooLogEntryKind.WorkerMemoryHardLimit:
                _metrics.WorkerLimitEvents.WithLabels("memory_hard").Inc();
                break;
            case OdooLogEntryKind.WorkerCpuLimit:
                _metrics.WorkerLimitEvents.WithLabels("cpu").Inc();
                break;
            case OdooLogEntryKind.WorkerRealTimeLimit:
                _metrics.WorkerLimitEvents.WithLabels("real").Inc();
                break;
            case OdooLogEntryKind.WorkerStarted:
                _metrics.WorkerLifecycleEvents.WithLabels("started").Inc();
                break;
            case OdooLogEntryKind.WorkerExited:
                _metrics.WorkerLifecycleEvents.WithLabels("exited").Inc();
                RequestsReportedByWorkers += RequestCountOf(entry.Message);
                break;
            case OdooLogEntryKind.WorkerRequestLimit:
                _metrics.WorkerLifecycleEvents.WithLabels("request_limit").Inc();
                break;
            case OdooLogEntryKind.CronStarted or OdooLogEntryKind.CronDone or OdooLogEntryKind.CronFailed:
                RecordCron(entry);
                break;
            case OdooLogEntryKind.LoginFailed:
                _metrics.LoginAttempts.WithLabels("failure").Inc();
                break;
            case OdooLogEntryKind.LoginSucceeded:
                _metrics.LoginAttempts.WithLabels("success").Inc();
                break;
            case OdooLogEntryKind.SerializationRetry:
                _metrics.SerializationRetries.Inc();
                break;
            case OdooLogEntryKind.RegistryLoaded when !double.IsNaN(entry.Seconds):
                _metrics.RegistryLoad.Set(entry.Seconds);
                break;
        }
    }

    public void OnUnparsed(OdooLogUnparsedReason reason, ReadOnlySpan<byte> line) => Unparsed++;

    private void RecordRequest(in OdooHttpRequest request)
    {
        Requests++;
        var route = OdooRouteClassifier.Classify(request.Path);
        var group = OdooRouteClassifier.Label(route.Group);
        var model = _metrics.Models.Fold(route.Model);
        var method = _metrics.Methods.Fold(route.Method);
        _metrics.Requests.Get(group, model, method, StatusClass(request.Status)).Inc();
        if (!request.HasPerformance)
        {
            // "- - -": Odoo did not measure this request (static files before 16); counting it as 0 s would lie.
            return;
        }

        var seconds = request.DurationSeconds;
        _metrics.RequestDuration.Get(group).Observe(seconds);
        _metrics.RequestSqlQueries.Get(group).Observe(request.SqlQueries);
        _metrics.RequestSqlDuration.Get(group).Observe(request.SqlSeconds);
        _metrics.RequestSeconds.Get(group, model, method).Inc(seconds);
        _metrics.RequestSqlSeconds.Get(group, model, method).Inc(request.SqlSeconds);
        _metrics.RequestSqlQueriesTotal.Get(group, model, method).Inc(request.SqlQueries);
    }

    private void RecordCron(in OdooLogEntry entry)
    {
        var run = _cronRuns.Observe(entry.Kind, entry.Pid, entry.Subject, entry.Timestamp, entry.Seconds);
        if (run.Outcome == OdooCronOutcome.None)
        {
            return;
        }

        var job = run.Job.IsEmpty ? "unknown" : _metrics.CronJobs.Fold(run.Job);
        _metrics.CronRuns.Get(job, run.Outcome switch
        {
            OdooCronOutcome.Started => "started",
            OdooCronOutcome.Done => "done",
            _ => "failed",
        }).Inc();
        if (run.Outcome == OdooCronOutcome.Done && run.Seconds >= 0)
        {
            _metrics.CronDuration.Get(job).Observe(run.Seconds);
        }
    }

    private static long RequestCountOf(ReadOnlySpan<byte> message)
    {
        var at = message.IndexOf("request_count: "u8);
        return at >= 0 && Utf8Parser.TryParse(message[(at + "request_count: "u8.Length)..], out long count, out _) ? count : 0;
    }

    private static string StatusClass(int status) => status switch
    {
        >= 100 and < 200 => "1xx",
        >= 200 and < 300 => "2xx",
        >= 300 and < 400 => "3xx",
        >= 400 and < 500 => "4xx",
        >= 500 and < 600 => "5xx",
        _ => "unknown",
    };

    private static string LevelLabel(OdooLogLevel level) => level switch
    {
        OdooLogLevel.Debug => "debug",
        OdooLogLevel.Info => "info",
        OdooLogLevel.Warning => "warning",
        OdooLogLevel.Error => "error",
        OdooLogLevel.Critical => "critical",
        _ => "unknown",
    };
}
