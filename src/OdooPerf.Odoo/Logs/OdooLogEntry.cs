namespace OdooPerf.Odoo.Logs;

/// <summary>
/// One Odoo log entry: its first line parsed into fields, classified, with what its continuation lines
/// (a traceback) say. Text fields are UTF-8 spans into the reader's buffers, valid only during
/// <see cref="IOdooLogEntryHandler.OnEntry"/>: nothing is allocated per entry.
/// </summary>
public ref struct OdooLogEntry
{
    /// <summary>Server local time as Odoo printed it (millisecond precision, <see cref="DateTimeKind.Unspecified"/>).
    /// For <see cref="OdooLogLineFormat.Syslog"/> lines, the syslog prefix's time when there is one, else default.</summary>
    public DateTime Timestamp { get; internal set; }

    /// <summary>Process id of the writer (a worker in prefork mode); 0 for syslog lines.</summary>
    public int Pid { get; internal set; }

    public OdooLogLevel Level { get; internal set; }

    /// <summary>Database name, <c>?</c> when none is bound.</summary>
    public ReadOnlySpan<byte> Database { get; internal set; }

    /// <summary>Python logger name, e.g. <c>werkzeug</c> or <c>odoo.service.server</c>.</summary>
    public ReadOnlySpan<byte> Logger { get; internal set; }

    /// <summary>The first line of the message, colour codes removed, without the perf fields and the trailing space.</summary>
    public ReadOnlySpan<byte> Message { get; internal set; }

    public OdooLogLineFormat Format { get; internal set; }

    public OdooLogEntryKind Kind { get; internal set; }

    /// <summary>Filled when <see cref="Kind"/> is <see cref="OdooLogEntryKind.Request"/>.</summary>
    public OdooHttpRequest Request;

    /// <summary>Cron job name for the cron kinds; empty otherwise.</summary>
    public ReadOnlySpan<byte> Subject { get; internal set; }

    /// <summary>Cron duration or registry load time in seconds; <see cref="double.NaN"/> when the line gives none.</summary>
    public double Seconds { get; internal set; }

    /// <summary>The worker a worker-kind line is about (may differ from <see cref="Pid"/>: the master reports kills); 0 otherwise.</summary>
    public int WorkerPid { get; internal set; }

    /// <summary>Number of continuation lines that followed the first line.</summary>
    public int ContinuationLines { get; internal set; }

    /// <summary>When the entry carries a Python traceback: the exception's qualified type, e.g.
    /// <c>psycopg2.errors.SerializationFailure</c> or <c>odoo.exceptions.UserError</c>; empty otherwise.</summary>
    public ReadOnlySpan<byte> ExceptionType { get; internal set; }

    /// <summary>The innermost frame of the traceback (where the exception was raised: the outermost is always
    /// Odoo's dispatcher, useless for grouping), its <c>File "...", line N, in F</c> line without the indentation;
    /// empty when there is no traceback.</summary>
    public ReadOnlySpan<byte> ExceptionFrame { get; internal set; }

    /// <summary>True when the entry has a traceback.</summary>
    public readonly bool HasTraceback => !ExceptionType.IsEmpty;
}
