namespace OdooPerf.Odoo.Logs;

/// <summary>Why a line did not become (part of) an entry. Every such line is counted, never thrown on.</summary>
public enum OdooLogUnparsedReason : byte
{
    /// <summary>Not an Odoo line and no entry before it to continue (another program's output, garbage).</summary>
    Foreign = 0,

    /// <summary>Looked like an Odoo header but a field was malformed (bad date, pid, level, cut short).</summary>
    Malformed,

    /// <summary>Longer than the reader's line limit: skipped whole, never buffered.</summary>
    TooLong,

    /// <summary>Not valid UTF-8 or contains NUL bytes where an Odoo header is expected.</summary>
    Binary,
}
