using OdooPerf.Odoo.Logs;

namespace OdooPerf.Odoo.Tests.Logs;

/// <summary>
/// Everything an <see cref="OdooLogEntry"/> says, copied out of its spans so tests can compare whole entries. The defaults
/// are what a plain, non-request entry without a traceback carries; a test spells out only what differs.
/// </summary>
public sealed record RecordedEntry
{
    public DateTime Timestamp { get; init; }
    public int Pid { get; init; }
    public OdooLogLevel Level { get; init; } = OdooLogLevel.Info;
    public string Database { get; init; } = "?";
    public string Logger { get; init; } = "";
    public string Message { get; init; } = "";
    public OdooLogLineFormat Format { get; init; } = OdooLogLineFormat.Standard;
    public OdooLogEntryKind Kind { get; init; } = OdooLogEntryKind.Other;
    public string Subject { get; init; } = "";
    public double Seconds { get; init; } = double.NaN;
    public int WorkerPid { get; init; }
    public int ContinuationLines { get; init; }
    public string ExceptionType { get; init; } = "";
    public string ExceptionFrame { get; init; } = "";
    public RecordedRequest? Request { get; init; }

    public static RecordedEntry From(in OdooLogEntry entry) => new()
    {
        Timestamp = entry.Timestamp,
        Pid = entry.Pid,
        Level = entry.Level,
        Database = Text(entry.Database),
        Logger = Text(entry.Logger),
        Message = Text(entry.Message),
        Format = entry.Format,
        Kind = entry.Kind,
        Subject = Text(entry.Subject),
        Seconds = entry.Seconds,
        WorkerPid = entry.WorkerPid,
        ContinuationLines = entry.ContinuationLines,
        ExceptionType = Text(entry.ExceptionType),
        ExceptionFrame = Text(entry.ExceptionFrame),
        Request = entry.Kind == OdooLogEntryKind.Request ? RecordedRequest.From(entry.Request) : null,
    };

    internal static string Text(ReadOnlySpan<byte> utf8) => System.Text.Encoding.UTF8.GetString(utf8);
}

/// <summary>The request part of a <see cref="RecordedEntry"/>; defaults are a request without perf fields.</summary>
public sealed record RecordedRequest
{
    public string Address { get; init; } = "";
    public string Method { get; init; } = "";
    public string Path { get; init; } = "";
    public int Status { get; init; }
    public bool HasPerformance { get; init; }
    public int SqlQueries { get; init; }
    public double SqlSeconds { get; init; }
    public double RemainingSeconds { get; init; }
    public string CursorMode { get; init; } = "";

    public static RecordedRequest From(in OdooHttpRequest request) => new()
    {
        Address = RecordedEntry.Text(request.Address),
        Method = RecordedEntry.Text(request.Method),
        Path = RecordedEntry.Text(request.Path),
        Status = request.Status,
        HasPerformance = request.HasPerformance,
        SqlQueries = request.SqlQueries,
        SqlSeconds = request.SqlSeconds,
        RemainingSeconds = request.RemainingSeconds,
        CursorMode = RecordedEntry.Text(request.CursorMode),
    };
}
