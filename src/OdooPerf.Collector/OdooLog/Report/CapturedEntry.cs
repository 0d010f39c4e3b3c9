using OdooPerf.Odoo.Logs;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// What the report needs of one log entry (or one unparsed line), copied out of the reader's buffers so
/// another thread can aggregate it: fixed fields here, text in the batch's byte arena.
/// </summary>
internal struct CapturedEntry
{
    public DateTime Timestamp;
    public int Pid;
    public int Status;
    public int SqlQueries;
    public double SqlSeconds;
    public double RemainingSeconds;
    public double Seconds;
    public OdooLogLevel Level;
    public OdooLogEntryKind Kind;
    public bool HasPerformance;
    public bool HasTraceback;

    /// <summary>The reason of an unparsed line; null for an entry.</summary>
    public OdooLogUnparsedReason? Unparsed;

    public ArenaText Method;
    public ArenaText Path;
    public ArenaText Database;
    public ArenaText Logger;
    public ArenaText Subject;
    public ArenaText ExceptionType;
    public ArenaText ExceptionFrame;
}

/// <summary>A piece of text in an <see cref="EntryBatch"/>'s arena.</summary>
internal readonly record struct ArenaText(int Start, int Length);
