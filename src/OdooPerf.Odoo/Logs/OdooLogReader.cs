namespace OdooPerf.Odoo.Logs;

/// <summary>
/// Turns a stream of log lines into entries: parses each line, attaches continuation lines (tracebacks,
/// <c>bad query:</c> details) to the entry they follow, classifies, and hands complete entries to the
/// handler. An entry is complete when the next entry starts or on <see cref="Flush"/>. Never throws on
/// input; allocates nothing per line once warmed up. Not thread-safe: one reader per stream.
/// </summary>
public sealed class OdooLogReader
{
    /// <summary>Lines longer than this are skipped whole and reported as <see cref="OdooLogUnparsedReason.TooLong"/>.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024;

    public OdooLogReader(IOdooLogEntryHandler handler, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(handler);
        throw new NotImplementedException();
    }

    /// <summary>Lines seen by <see cref="ReadLine"/> (including continuation and unparsed lines).</summary>
    public long Lines { get; private set; }

    /// <summary>Entries handed to the handler.</summary>
    public long Entries { get; private set; }

    /// <summary>Lines handed to <see cref="IOdooLogEntryHandler.OnUnparsed"/>.</summary>
    public long Unparsed { get; private set; }

    /// <summary>
    /// One line without its line terminator (a trailing <c>\r</c> is tolerated). The span is not kept:
    /// the reader copies what it needs for a pending entry.
    /// </summary>
    public void ReadLine(ReadOnlySpan<byte> line) => throw new NotImplementedException();

    /// <summary>A line the caller had to skip because it exceeded its own buffer: counted as too long.</summary>
    public void SkipTooLongLine() => throw new NotImplementedException();

    /// <summary>Completes the pending entry (end of input, or the source has been idle long enough for its traceback to be whole).</summary>
    public void Flush() => throw new NotImplementedException();

    /// <summary>True when an entry is waiting for possible continuation lines.</summary>
    public bool HasPendingEntry => throw new NotImplementedException();
}
