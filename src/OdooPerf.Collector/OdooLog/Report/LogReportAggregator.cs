using System.Text;
using OdooPerf.Odoo.Logs;
using OdooPerf.Odoo.Routes;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// Takes the entries of the logs being reported on, in log order (batches from <see cref="EntryPipeline"/>),
/// and keeps what the report needs in bounded memory: histograms instead of samples, capped key tables, a
/// timeline that widens its buckets, top-N heaps. Allocates only for a new key or a request entering a top list.
/// </summary>
internal sealed class LogReportAggregator
{
    private const int MaxPendingPids = 10_000;
    private const int ModelMethodKeyBytes = 256;

    private static readonly byte[] UnknownJob = "(unknown)"u8.ToArray();
    private static readonly byte[] HttpLogger = "odoo.http"u8.ToArray();
    private static readonly byte[] WerkzeugLogger = "werkzeug"u8.ToArray();

    private readonly LogReportSettings _settings;
    private readonly DateTime _since;
    private readonly DateTime _until;

    // Request-handling tracebacks not yet matched with the request line that the same worker logs after them.
    private readonly Dictionary<int, int> _pendingRequestTracebacks = [];

    // Pairs each worker's cron lines into runs (durations on 14-16, one failure for 19's two lines).
    private readonly OdooCronRunTracker _cronRuns = new();

    // Reused to build traceback keys without allocating (type, newline, frame).
    private readonly byte[] _tracebackKey = new byte[512];

    private long _pendingOverflow;

    public LogReportAggregator(LogReportSettings settings)
    {
        _settings = settings;
        _since = settings.Since ?? DateTime.MinValue;
        _until = settings.Until ?? DateTime.MaxValue;
        RouteGroups = new RequestStats[Enum.GetValues<OdooRouteGroup>().Length];
        for (var i = 0; i < RouteGroups.Length; i++)
        {
            RouteGroups[i] = new RequestStats();
        }

        ModelMethods = new BoundedTable<NamedRequestStats>(settings.MaxModelMethods, () => new NamedRequestStats());
        Paths = new BoundedTable<NamedRequestStats>(settings.MaxPaths, () => new NamedRequestStats());
        Tracebacks = new BoundedTable<TracebackStats>(settings.MaxTracebackGroups, () => new TracebackStats());
        Crons = new BoundedTable<CronStats>(settings.MaxCronJobs, () => new CronStats());
        Timeline = new Timeline(settings.Interval);
        Slowest = new TopRequests(settings.Top);
        MostSqlQueries = new TopRequests(settings.Top);
    }

    public LogReportSettings Settings => _settings;

    public long Entries { get; private set; }

    /// <summary>Entries left out by <c>--since</c> / <c>--until</c>.</summary>
    public long OutsideTimeRange { get; private set; }

    public long[] EntriesByLevel { get; } = new long[Enum.GetValues<OdooLogLevel>().Length];

    public long[] EntriesByKind { get; } = new long[Enum.GetValues<OdooLogEntryKind>().Length];

    public long[] UnparsedByReason { get; } = new long[Enum.GetValues<OdooLogUnparsedReason>().Length];

    public DateTime? First { get; private set; }

    public DateTime? Last { get; private set; }

    /// <summary>Every request, bus time aside: the route groups added up (histograms merge exactly).</summary>
    public RequestStats AllRequests()
    {
        var all = new RequestStats();
        for (var group = 0; group < RouteGroups.Length; group++)
        {
            all.Add(RouteGroups[group], timings: group != (int)OdooRouteGroup.Bus);
        }

        return all;
    }

    public RequestStats[] RouteGroups { get; }

    /// <summary>Requests without performance fields: counted, not timed.</summary>
    public long UntimedRequests { get; private set; }

    /// <summary>Long-polling and websocket requests (route group <c>bus</c>), left out of the time figures.</summary>
    public long BusRequests { get; private set; }

    public BoundedTable<NamedRequestStats> ModelMethods { get; }

    public BoundedTable<NamedRequestStats> Paths { get; }

    /// <summary>Request lines by status code; index 0 holds codes outside 100-999 (werkzeug wrote something else).</summary>
    public long[] StatusCodes { get; } = new long[1000];

    public long ServerErrors { get; private set; }

    public long RequestTracebacks { get; private set; }

    /// <summary>Request tracebacks no request line claimed (the worker died, or the log was cut): errors of their own.</summary>
    public long UnmatchedRequestTracebacks => _pendingRequestTracebacks.Values.Sum() + _pendingOverflow;

    public TopRequests Slowest { get; }

    public TopRequests MostSqlQueries { get; }

    public Timeline Timeline { get; }

    public long[] WorkerEvents { get; } = new long[WorkerEvent.Count];

    public long WorkersStarted { get; private set; }

    public long WorkersExited { get; private set; }

    public BoundedTable<CronStats> Crons { get; }

    public long LoginsFailed { get; private set; }

    public long LoginsSucceeded { get; private set; }

    /// <summary>Login failures per hour (key: hours since year 1).</summary>
    public Dictionary<long, long> LoginFailuresByHour { get; } = [];

    public long LoginFailuresFolded { get; private set; }

    public BoundedTable<TracebackStats> Tracebacks { get; }

    public long TracebackEntries { get; private set; }

    public long SerializationRetries { get; private set; }

    public long RegistryLoads { get; private set; }

    public double RegistryLoadMaxSeconds { get; private set; }

    /// <summary>Aggregates a batch of captured entries, in order.</summary>
    public void Add(EntryBatch batch)
    {
        var entries = batch.Entries;
        for (var i = 0; i < batch.Count; i++)
        {
            ref readonly var entry = ref entries[i];
            if (entry.Unparsed is { } reason)
            {
                UnparsedByReason[(int)reason]++;
            }
            else
            {
                OnEntry(entry, batch);
            }
        }
    }

    private void OnEntry(in CapturedEntry entry, EntryBatch batch)
    {
        var timestamp = entry.Timestamp;
        if (timestamp < _since || timestamp >= _until)
        {
            OutsideTimeRange++;
            return;
        }

        Entries++;
        EntriesByLevel[(int)entry.Level]++;
        EntriesByKind[(int)entry.Kind]++;

        // Syslog lines without a time of their own carry no timestamp: counted, never placed on the timeline.
        var dated = timestamp != default;
        if (dated)
        {
            if (First is null || timestamp < First)
            {
                First = timestamp;
            }

            if (Last is null || timestamp > Last)
            {
                Last = timestamp;
            }
        }

        if (entry.HasTraceback)
        {
            OnTraceback(entry, batch, dated);
        }

        switch (entry.Kind)
        {
            case OdooLogEntryKind.Request:
                OnRequest(entry, batch, dated);
                break;
            case OdooLogEntryKind.WorkerMemorySoftLimit:
            case OdooLogEntryKind.WorkerMemoryHardLimit:
            case OdooLogEntryKind.WorkerCpuLimit:
            case OdooLogEntryKind.WorkerRealTimeLimit:
            case OdooLogEntryKind.WorkerRequestLimit:
                var kind = WorkerEvent.Of(entry.Kind);
                WorkerEvents[kind]++;
                if (dated)
                {
                    Timeline.At(timestamp).WorkerEvents[kind]++;
                }

                break;
            case OdooLogEntryKind.WorkerStarted:
                WorkersStarted++;
                break;
            case OdooLogEntryKind.WorkerExited:
                WorkersExited++;
                break;
            case OdooLogEntryKind.CronStarted:
            case OdooLogEntryKind.CronDone:
            case OdooLogEntryKind.CronFailed:
                OnCron(entry, batch, dated);
                break;
            case OdooLogEntryKind.LoginFailed:
                OnLoginFailed(timestamp, dated);
                break;
            case OdooLogEntryKind.LoginSucceeded:
                LoginsSucceeded++;
                break;
            case OdooLogEntryKind.SerializationRetry:
                SerializationRetries++;
                break;
            case OdooLogEntryKind.RegistryLoaded:
                RegistryLoads++;
                if (!double.IsNaN(entry.Seconds))
                {
                    RegistryLoadMaxSeconds = Math.Max(RegistryLoadMaxSeconds, entry.Seconds);
                }

                break;
            default:
                break;
        }
    }

    private void OnRequest(in CapturedEntry entry, EntryBatch batch, bool dated)
    {
        var status = entry.Status;
        var error = status >= 500;
        if (error)
        {
            ServerErrors++;
        }

        // A traceback logged by odoo.http on this worker just before belongs to this request: JSON-RPC errors
        // answer 200 and would otherwise not count as failures; a 500 with its traceback counts once.
        if (_pendingRequestTracebacks.Count > 0 && _pendingRequestTracebacks.TryGetValue(entry.Pid, out var pending))
        {
            error = true;
            if (pending <= 1)
            {
                _pendingRequestTracebacks.Remove(entry.Pid);
            }
            else
            {
                _pendingRequestTracebacks[entry.Pid] = pending - 1;
            }
        }

        StatusCodes[status is >= 100 and <= 999 ? status : 0]++;

        var timed = entry.HasPerformance;
        var sqlSeconds = timed ? Math.Max(0, entry.SqlSeconds) : 0;
        var seconds = timed ? sqlSeconds + Math.Max(0, entry.RemainingSeconds) : 0;
        var queries = timed ? Math.Max(0, entry.SqlQueries) : 0;

        if (!timed)
        {
            UntimedRequests++;
        }

        var path = batch.Text(entry.Path);
        var route = OdooRouteClassifier.Classify(path);
        RouteGroups[(int)route.Group].Record(error, timed, seconds, queries, sqlSeconds);

        // Long polling and websockets wait for news on purpose: their time is not work, and would swamp every
        // total and percentile. They keep their own route group row and count as requests everywhere else.
        var waits = route.Group == OdooRouteGroup.Bus;
        var work = timed && !waits;
        if (dated)
        {
            Timeline.At(entry.Timestamp).Requests.Record(error, work, seconds, queries, sqlSeconds);
        }

        if (waits)
        {
            BusRequests++;
            return;
        }

        // An RPC path only repeats its model and method: it is counted there, and paths keep the rest.
        if (!route.Model.IsEmpty)
        {
            ModelMethod(route.Model, route.Method).Requests.Record(error, timed, seconds, queries, sqlSeconds);
        }
        else
        {
            Span<byte> pattern = stackalloc byte[PathNormalizer.MaxLength];
            var length = PathNormalizer.Normalize(path, pattern);
            var pathStats = Paths.Get(pattern[..length], out var created);
            if (created)
            {
                pathStats.Name = Encoding.UTF8.GetString(pattern[..length]);
            }

            pathStats.Requests.Record(error, timed, seconds, queries, sqlSeconds);
        }

        if (timed)
        {
            if (Slowest.Accepts(seconds))
            {
                Slowest.Add(seconds, Sample(entry, batch, seconds, queries, sqlSeconds));
            }

            if (MostSqlQueries.Accepts(queries))
            {
                MostSqlQueries.Add(queries, Sample(entry, batch, seconds, queries, sqlSeconds));
            }
        }
    }

    private NamedRequestStats ModelMethod(ReadOnlySpan<byte> model, ReadOnlySpan<byte> method)
    {
        if (model.Length + 1 + method.Length > ModelMethodKeyBytes)
        {
            return ModelMethods.Other;
        }

        Span<byte> key = stackalloc byte[ModelMethodKeyBytes];
        model.CopyTo(key);
        key[model.Length] = (byte)' ';
        method.CopyTo(key[(model.Length + 1)..]);
        var stats = ModelMethods.Get(key[..(model.Length + 1 + method.Length)], out var created);
        if (created)
        {
            stats.Model = Encoding.UTF8.GetString(model);
            stats.Name = Encoding.UTF8.GetString(method);
        }

        return stats;
    }

    private static RequestSample Sample(in CapturedEntry entry, EntryBatch batch, double seconds, int queries, double sqlSeconds) => new(
        entry.Timestamp,
        entry.Pid,
        Encoding.UTF8.GetString(batch.Text(entry.Database)),
        Encoding.UTF8.GetString(batch.Text(entry.Method)),
        Encoding.UTF8.GetString(PathNormalizer.WithoutQuery(batch.Text(entry.Path))),
        entry.Status,
        seconds,
        queries,
        sqlSeconds);

    private void OnTraceback(in CapturedEntry entry, EntryBatch batch, bool dated)
    {
        TracebackEntries++;
        if (dated)
        {
            Timeline.At(entry.Timestamp).Tracebacks++;
        }

        var logger = batch.Text(entry.Logger);
        if (logger.SequenceEqual(HttpLogger) || logger.SequenceEqual(WerkzeugLogger))
        {
            RequestTracebacks++;
            if (_pendingRequestTracebacks.Count > 0 && _pendingRequestTracebacks.TryGetValue(entry.Pid, out var pending))
            {
                _pendingRequestTracebacks[entry.Pid] = pending + 1;
            }
            else if (_pendingRequestTracebacks.Count < MaxPendingPids)
            {
                _pendingRequestTracebacks[entry.Pid] = 1;
            }
            else
            {
                _pendingOverflow++;
            }
        }

        var type = batch.Text(entry.ExceptionType);
        var frame = batch.Text(entry.ExceptionFrame);
        var stats = Tracebacks.Get(TracebackKey(type, frame, out var rented), out var created);
        if (created)
        {
            stats.ExceptionType = Encoding.UTF8.GetString(type);
            stats.Frame = Encoding.UTF8.GetString(frame);
            stats.Logger = Encoding.UTF8.GetString(logger);
        }

        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        stats.Seen(entry.Timestamp);
    }

    private ReadOnlySpan<byte> TracebackKey(ReadOnlySpan<byte> type, ReadOnlySpan<byte> frame, out byte[]? rented)
    {
        rented = null;
        var length = type.Length + 1 + frame.Length;
        var buffer = _tracebackKey;
        if (length > buffer.Length)
        {
            rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
            buffer = rented;
        }

        type.CopyTo(buffer);
        buffer[type.Length] = (byte)'\n';
        frame.CopyTo(buffer.AsSpan(type.Length + 1));
        return buffer.AsSpan(0, length);
    }

    private CronStats Cron(ReadOnlySpan<byte> job)
    {
        var stats = Crons.Get(job, out var created);
        if (created)
        {
            stats.Job = Encoding.UTF8.GetString(job);
        }

        return stats;
    }

    private void OnCron(in CapturedEntry entry, EntryBatch batch, bool dated)
    {
        var run = _cronRuns.Observe(entry.Kind, entry.Pid, batch.Text(entry.Subject), entry.Timestamp, entry.Seconds);
        if (run.Outcome == OdooCronOutcome.None)
        {
            return;
        }

        var job = Cron(run.Job.IsEmpty ? UnknownJob : run.Job);
        job.LastSeen = Max(job.LastSeen, entry.Timestamp);
        switch (run.Outcome)
        {
            case OdooCronOutcome.Started:
                job.Started++;
                return;
            case OdooCronOutcome.Failed:
                job.Failed++;
                if (dated)
                {
                    Timeline.At(entry.Timestamp).CronFailures++;
                }

                break;
            default:
                job.Done++;
                break;
        }

        if (!double.IsNaN(run.Seconds))
        {
            job.RecordDuration(Math.Max(0, run.Seconds));
        }
    }

    private void OnLoginFailed(DateTime timestamp, bool dated)
    {
        LoginsFailed++;
        if (!dated)
        {
            return;
        }

        Timeline.At(timestamp).LoginFailures++;
        var hour = timestamp.Ticks / TimeSpan.TicksPerHour;
        if (LoginFailuresByHour.TryGetValue(hour, out var count))
        {
            LoginFailuresByHour[hour] = count + 1;
        }
        else if (LoginFailuresByHour.Count < _settings.MaxLoginFailureHours)
        {
            LoginFailuresByHour[hour] = 1;
        }
        else
        {
            LoginFailuresFolded++;
        }
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
