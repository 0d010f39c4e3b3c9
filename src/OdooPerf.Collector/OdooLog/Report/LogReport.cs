namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// The report on one or more Odoo logs, as the text, JSON and HTML writers show it. Times are the log's own
/// local times (Odoo writes no zone); durations are seconds. The JSON form is documented in README.md.
/// </summary>
public sealed record LogReport
{
    /// <summary>Bumped on any change a JSON consumer could notice other than an added field.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string Generator { get; init; }

    public required DateTime GeneratedAtUtc { get; init; }

    public required IReadOnlyList<LogReportInput> Inputs { get; init; }

    public required ReportPeriod Period { get; init; }

    public required ReportTotals Totals { get; init; }

    /// <summary>All timed requests together.</summary>
    public required RequestStatsRow Overall { get; init; }

    public required IReadOnlyList<RequestStatsRow> Routes { get; init; }

    public required IReadOnlyList<RequestStatsRow> ModelMethods { get; init; }

    public required IReadOnlyList<RequestStatsRow> Paths { get; init; }

    public required IReadOnlyList<StatusCount> StatusCodes { get; init; }

    public required IReadOnlyList<RequestSample> SlowestRequests { get; init; }

    /// <summary>N+1 candidates: single requests that ran the most SQL queries.</summary>
    public required IReadOnlyList<RequestSample> MostSqlQueries { get; init; }

    public required ReportTimeline Timeline { get; init; }

    public required WorkerSummary Workers { get; init; }

    public required IReadOnlyList<CronRow> Crons { get; init; }

    public required LoginSummary Logins { get; init; }

    public required IReadOnlyList<TracebackRow> Tracebacks { get; init; }

    /// <summary>Rows per ranked table in the text and HTML forms (<c>--top</c>).</summary>
    public required int Top { get; init; }

    /// <summary>What a reader must know to trust the figures: folded keys, untimed requests, widened intervals, unreadable input.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>One input file (or <c>-</c> for standard input).</summary>
public sealed record LogReportInput(string Name, bool Compressed, long Bytes, long Lines, string? Error);

/// <summary>The requested bounds and what the log actually covered.</summary>
public sealed record ReportPeriod(DateTime? Since, DateTime? Until, DateTime? First, DateTime? Last)
{
    public double SpanSeconds => First is { } first && Last is { } last ? (last - first).TotalSeconds : 0;
}

public sealed record ReportTotals
{
    public long Lines { get; init; }

    public long Entries { get; init; }

    public long OutsideTimeRange { get; init; }

    public long UnparsedLines { get; init; }

    public long UnparsedForeign { get; init; }

    public long UnparsedMalformed { get; init; }

    public long UnparsedTooLong { get; init; }

    public long UnparsedBinary { get; init; }

    public long Requests { get; init; }

    /// <summary>Requests whose line had the performance fields (latency figures are over these, route group bus aside).</summary>
    public long TimedRequests { get; init; }

    /// <summary>5xx responses, request-handling tracebacks (a JSON-RPC error answers 200), counted once per request.</summary>
    public long Errors { get; init; }

    public long ServerErrors { get; init; }

    public long RequestTracebacks { get; init; }

    public double ErrorRate { get; init; }

    public double RequestsPerSecond { get; init; }

    public double RequestSeconds { get; init; }

    public long SqlQueries { get; init; }

    public double SqlSeconds { get; init; }

    public long WarningEntries { get; init; }

    public long ErrorEntries { get; init; }

    public long CriticalEntries { get; init; }

    public long Tracebacks { get; init; }

    public long SerializationRetries { get; init; }

    public long RegistryLoads { get; init; }

    public double RegistryLoadMaxSeconds { get; init; }
}

/// <summary>
/// Requests of one route group, model and method, or path pattern. Percentiles are over the timed requests,
/// within 1% (HdrHistogram, 2 significant digits). <see cref="IsOther"/> marks the row that collects keys
/// beyond the table's cap.
/// </summary>
public sealed record RequestStatsRow
{
    public required string Name { get; init; }

    public string? Model { get; init; }

    public string? Method { get; init; }

    public bool IsOther { get; init; }

    public long Count { get; init; }

    public long Errors { get; init; }

    public long Timed { get; init; }

    public double TotalSeconds { get; init; }

    public double MeanSeconds { get; init; }

    public double P50Seconds { get; init; }

    public double P95Seconds { get; init; }

    public double P99Seconds { get; init; }

    public double MaxSeconds { get; init; }

    public double SqlQueriesPerCall { get; init; }

    public double SqlSecondsPerCall { get; init; }

    /// <summary>This row's share of all request time (0-1).</summary>
    public double ShareOfTime { get; init; }

    /// <summary>The display name: the model and method as <c>model.method</c>, otherwise <see cref="Name"/>.</summary>
    public string Label => Model is null ? Name : $"{Model}.{Method}";
}

public sealed record StatusCount(int Status, long Count);

public sealed record ReportTimeline(string Interval, double IntervalSeconds, string Requested, bool Widened, IReadOnlyList<TimelineRow> Buckets);

public sealed record TimelineRow
{
    public required DateTime Start { get; init; }

    public long Requests { get; init; }

    public double RequestsPerSecond { get; init; }

    public long Errors { get; init; }

    public long Timed { get; init; }

    public double P50Seconds { get; init; }

    public double P95Seconds { get; init; }

    public double P99Seconds { get; init; }

    public double MaxSeconds { get; init; }

    public required WorkerCounts WorkerLimits { get; init; }

    public long Tracebacks { get; init; }

    public long CronFailures { get; init; }

    public long LoginFailures { get; init; }
}

public sealed record WorkerCounts(long MemorySoft, long MemoryHard, long Cpu, long Real, long RequestLimit)
{
    public long Total => MemorySoft + MemoryHard + Cpu + Real + RequestLimit;

    internal static WorkerCounts From(long[] counts) => new(
        counts[WorkerEvent.MemorySoft], counts[WorkerEvent.MemoryHard], counts[WorkerEvent.Cpu], counts[WorkerEvent.Real], counts[WorkerEvent.RequestLimit]);

    internal long this[int index] => index switch
    {
        WorkerEvent.MemorySoft => MemorySoft,
        WorkerEvent.MemoryHard => MemoryHard,
        WorkerEvent.Cpu => Cpu,
        WorkerEvent.Real => Real,
        _ => RequestLimit,
    };
}

public sealed record WorkerSummary(WorkerCounts Limits, long Started, long Exited);

public sealed record CronRow(string Job, bool IsOther, long Started, long Done, long Failed, long TimedRuns, double TotalSeconds, double MeanSeconds, double MaxSeconds, DateTime? LastSeen);

public sealed record HourCount(DateTime Hour, long Count);

public sealed record LoginSummary(long Failed, long Succeeded, IReadOnlyList<HourCount> FailedByHour);

public sealed record TracebackRow(string ExceptionType, string Frame, string Logger, bool IsOther, long Count, DateTime? FirstSeen, DateTime? LastSeen);
