using System.Text.Unicode;

namespace OdooPerf.Odoo.Logs;

/// <summary>
/// Turns a stream of log lines into entries: parses each line, attaches continuation lines (tracebacks,
/// <c>bad query:</c> details) to the entry they follow, classifies, and hands complete entries to the
/// handler. An entry is complete when the next entry starts or on <see cref="Flush"/>. Never throws on
/// input; allocates nothing per line once warmed up. Not thread-safe: one reader per stream.
/// </summary>
/// <remarks>
/// A journald, syslog or container prefix is removed from every line, continuation lines included. A line that does not
/// start with an Odoo timestamp (or Odoo's syslog format) continues the pending entry when it comes from the same writer
/// (same syslog host and tag, or the same container stream); otherwise, or with no pending entry, it is
/// <see cref="OdooLogUnparsedReason.Foreign"/> and a pending entry stays open. rsyslog's <c>#012</c>-folded tracebacks are
/// read from the line itself. A line over the limit is <see cref="OdooLogUnparsedReason.TooLong"/> and leaves a pending
/// entry open as well. A line that starts with a date but does not parse ends the pending entry
/// and is <see cref="OdooLogUnparsedReason.Malformed"/>. A line holding a NUL byte is <see cref="OdooLogUnparsedReason.Binary"/>
/// (what a copytruncate race leaves behind), as is a header whose database or logger is not UTF-8, or a foreign line that is not;
/// continuation lines are not checked, since Odoo writes whatever bytes a message holds. Continuation lines are read
/// as they come (for the traceback's type and innermost frame) and never kept; only the first line is copied, into one
/// of two buffers the reader owns and swaps.
/// </remarks>
public sealed class OdooLogReader
{
    /// <summary>Lines longer than this are skipped whole and reported as <see cref="OdooLogUnparsedReason.TooLong"/>.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024;

    // Grown on demand up to maxLineBytes: most lines are a few hundred bytes.
    private const int InitialBufferBytes = 4096;

    // A host name and a syslog tag, each bounded by LinePrefixStripper.
    private const int MaxSourceBytes = 1024;

    private readonly IOdooLogEntryHandler _handler;
    private readonly int _maxLineBytes;
    private readonly OdooLogLineParser _parser = new();
    private readonly TracebackScanner _traceback = new();

    // The pending entry's first line and its fields live in slot _pendingSlot; a new header is copied and parsed into the
    // other slot, and the slots change roles once the pending entry has been handed over: a header is copied once and
    // its fields never.
    private readonly byte[][] _lineSlots = new byte[2][];
    private readonly OdooLogLineFields[] _fieldSlots = new OdooLogLineFields[2];
    private int _pendingSlot;
    private int _pendingContinuationLines;
    private int _pendingPrefixLength;
    private LinePrefixKind _pendingPrefixKind;

    // "host tag:" of the pending entry's syslog/journald prefix: a prefixed line from another writer does not continue it.
    private readonly byte[] _pendingSource = new byte[MaxSourceBytes];
    private int _pendingSourceLength;
    private bool _hasPending;

    public OdooLogReader(IOdooLogEntryHandler handler, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 64);
        _handler = handler;
        _maxLineBytes = maxLineBytes;
        _lineSlots[0] = new byte[Math.Min(InitialBufferBytes, maxLineBytes)];
        _lineSlots[1] = new byte[_lineSlots[0].Length];
    }

    /// <summary>Lines seen by <see cref="ReadLine"/> (including continuation and unparsed lines).</summary>
    public long Lines { get; private set; }

    /// <summary>Entries handed to the handler.</summary>
    public long Entries { get; private set; }

    /// <summary>Lines handed to <see cref="IOdooLogEntryHandler.OnUnparsed"/>.</summary>
    public long Unparsed { get; private set; }

    /// <summary>True when an entry is waiting for possible continuation lines.</summary>
    public bool HasPendingEntry => _hasPending;

    /// <summary>
    /// One line without its line terminator (a trailing <c>\r</c> is tolerated). The span is not kept:
    /// the reader copies what it needs for a pending entry.
    /// </summary>
    public void ReadLine(ReadOnlySpan<byte> line)
    {
        Lines++;
        if (line.Length > _maxLineBytes)
        {
            // Not buffered, not scanned: a 10 MB line costs nothing but this call.
            ReportUnparsed(OdooLogUnparsedReason.TooLong, line);
            return;
        }

        // "\r" from CRLF files; NULs that Python's SysLogHandler appends to every message.
        var content = line;
        while (!content.IsEmpty && content[^1] is (byte)'\r' or 0)
        {
            content = content[..^1];
        }

        var startsWithDate = OdooTimestampParser.StartsWithDate(content);
        var prefix = startsWithDate ? default : LinePrefixStripper.Find(content);
        var body = content[prefix.Length..];
        var isStandard = prefix.Length == 0 ? startsWithDate : OdooTimestampParser.StartsWithDate(body);
        var isHeader = isStandard || OdooLogLineParser.IsSyslogFormat(body);

        // One pass for both: a NUL makes the line binary, an ESC means colours to strip.
        var special = body.IndexOfAny((byte)0, AnsiEscapeStripper.Escape);
        var hasEscape = special >= 0 && body[special] == AnsiEscapeStripper.Escape;
        if (special >= 0 && (!hasEscape || body[special..].Contains((byte)0)))
        {
            if (isHeader)
            {
                FlushPending();
            }

            ReportUnparsed(OdooLogUnparsedReason.Binary, line);
            return;
        }

        if (isHeader)
        {
            ReadHeader(line, body, hasEscape, isStandard, content, prefix);
        }
        else
        {
            ReadContinuation(line, body, content, prefix);
        }
    }

    /// <summary>A line the caller had to skip because it exceeded its own buffer: counted as too long.</summary>
    public void SkipTooLongLine()
    {
        Lines++;
        ReportUnparsed(OdooLogUnparsedReason.TooLong, default);
    }

    /// <summary>Completes the pending entry (end of input, or the source has been idle long enough for its traceback to be whole).</summary>
    public void Flush() => FlushPending();

    private void ReadHeader(ReadOnlySpan<byte> line, ReadOnlySpan<byte> body, bool hasEscape, bool isStandard, ReadOnlySpan<byte> content, in LinePrefix prefix)
    {
        var slot = _pendingSlot ^ 1;
        var buffer = _lineSlots[slot]; // by value: a ref into a byte[][] costs a type check per line
        if (buffer.Length < body.Length)
        {
            buffer = _lineSlots[slot] = new byte[Math.Min(Math.Max(body.Length, buffer.Length * 2), _maxLineBytes)];
        }

        var length = hasEscape ? AnsiEscapeStripper.CopyWithout(body, buffer) : Copy(body, buffer);
        ReadOnlySpan<byte> text = buffer.AsSpan(0, length);

        ref var fields = ref _fieldSlots[slot];
        var failure = isStandard
            ? _parser.TryParseStandard(text, ref fields)
            : _parser.TryParseSyslog(text, _parser.TryPrefixTicks(prefix.Time, out var ticks) ? ticks : 0, ref fields);

        FlushPending();
        if (failure is { } reason)
        {
            ReportUnparsed(reason, line);
            return;
        }

        _pendingSlot = slot;
        _pendingContinuationLines = 0;
        _pendingPrefixLength = prefix.Length;
        _pendingPrefixKind = prefix.Kind;
        var source = prefix.Source.Of(content);
        source.CopyTo(_pendingSource);
        _pendingSourceLength = source.Length;
        _traceback.Reset();
        _hasPending = true;
        if (fields.FoldedLines.Length > 0)
        {
            ScanFoldedLines(fields.FoldedLines.Of(text));
        }
    }

    private void ScanFoldedLines(ReadOnlySpan<byte> folded)
    {
        while (!folded.IsEmpty)
        {
            var next = folded.IndexOf(OdooLogLineParser.FoldedNewline);
            _traceback.ScanLine(next < 0 ? folded : folded[..next]);
            folded = next < 0 ? default : folded[(next + OdooLogLineParser.FoldedNewline.Length)..];
        }
    }

    private void ReadContinuation(ReadOnlySpan<byte> line, ReadOnlySpan<byte> body, ReadOnlySpan<byte> content, in LinePrefix prefix)
    {
        if (!_hasPending || !ContinuesPending(content, prefix))
        {
            ReportUnparsed(Utf8.IsValid(body) ? OdooLogUnparsedReason.Foreign : OdooLogUnparsedReason.Binary, line);
            return;
        }

        _pendingContinuationLines++;
        if (prefix.Length == 0 && _pendingPrefixLength > 0)
        {
            // journalctl prints the later lines of a multi-line message indented by the width of its prefix.
            body = body[Math.Min(_pendingPrefixLength, body.Length)..];
        }

        _traceback.ScanLine(body);
    }

    // A prefixed line continues the pending entry only when it comes from the same writer: in a syslog file or a journal
    // of the whole host, other programs' lines land between the lines of a traceback.
    // Without a prefix, in a prefixed stream, only journalctl's indented rest of a multi-line message continues it
    // (not its "-- Boot ... --" markers).
    private bool ContinuesPending(ReadOnlySpan<byte> content, in LinePrefix prefix) => prefix.Kind switch
    {
        LinePrefixKind.None => _pendingPrefixKind == LinePrefixKind.None
            || (_pendingPrefixKind == LinePrefixKind.Syslog && IsIndented(content, _pendingPrefixLength)),
        LinePrefixKind.Container => _pendingPrefixKind == LinePrefixKind.Container,
        _ => _pendingPrefixKind == LinePrefixKind.Syslog && prefix.Source.Length > 0
            && prefix.Source.Of(content).SequenceEqual(_pendingSource.AsSpan(0, _pendingSourceLength)),
    };

    private static bool IsIndented(ReadOnlySpan<byte> line, int width)
    {
        var indent = line.IndexOfAnyExcept((byte)' ');
        return indent < 0 ? line.Length >= width : indent >= width;
    }

    private void FlushPending()
    {
        if (!_hasPending)
        {
            return;
        }

        _hasPending = false;
        ReadOnlySpan<byte> text = _lineSlots[_pendingSlot];
        ref readonly var fields = ref _fieldSlots[_pendingSlot];
        var exceptionType = _traceback.ExceptionType;
        var kind = fields.Kind;
        if (!exceptionType.IsEmpty && kind == OdooLogEntryKind.Other)
        {
            // limit_memory_hard is an RLIMIT_AS: Odoo says nothing, the allocation that crosses it raises MemoryError.
            kind = exceptionType.SequenceEqual("MemoryError"u8) ? OdooLogEntryKind.WorkerMemoryHardLimit : OdooLogEntryKind.Traceback;
        }

        var entry = new OdooLogEntry
        {
            Timestamp = new DateTime(fields.TimestampTicks, DateTimeKind.Unspecified),
            Pid = fields.Pid,
            Level = fields.Level,
            Database = fields.Database.Of(text),
            Logger = fields.Logger.Of(text),
            Message = fields.Message.Of(text),
            Format = fields.Format,
            Kind = kind,
            Subject = fields.Subject.Of(text),
            Seconds = fields.Seconds,
            WorkerPid = fields.WorkerPid,
            ContinuationLines = _pendingContinuationLines,
            ExceptionType = exceptionType,
            ExceptionFrame = _traceback.ExceptionFrame,
        };

        if (kind == OdooLogEntryKind.Request)
        {
            ref readonly var request = ref fields.Request;
            entry.Request = new OdooHttpRequest
            {
                Address = request.Address.Of(text),
                Method = request.Method.Of(text),
                Path = request.Path.Of(text),
                Status = request.Status,
                HasPerformance = request.HasPerformance,
                SqlQueries = request.SqlQueries,
                SqlSeconds = request.SqlSeconds,
                RemainingSeconds = request.RemainingSeconds,
                CursorMode = request.CursorMode.Of(text),
            };
        }

        Entries++;
        _handler.OnEntry(in entry);
    }

    private void ReportUnparsed(OdooLogUnparsedReason reason, ReadOnlySpan<byte> line)
    {
        Unparsed++;
        _handler.OnUnparsed(reason, line);
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
