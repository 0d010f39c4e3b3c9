using System.Text.Unicode;

namespace OdooPerf.Odoo.Logs;

/// <summary>
/// Reads a Python traceback from the continuation lines of an entry, one line at a time, without keeping the lines:
/// <code>
/// Traceback (most recent call last):
///   File "/opt/odoo/odoo/http.py", line 1589, in _serve_db
///     return service_model.retrying(self._serve_ir_http, self.env)
/// psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update
/// </code>
/// With chained exceptions (<c>The above exception was the direct cause...</c>) the last traceback printed is the one
/// that was raised, so each complete traceback replaces the previous one. Keeps the exception type and the innermost
/// <c>File</c> line (the last one before the exception line), each copied into a fixed buffer.
/// </summary>
internal sealed class TracebackScanner
{
    /// <summary>Longest exception type kept; a longer one is not a Python qualified name worth grouping by.</summary>
    public const int MaxTypeBytes = 256;

    /// <summary>A frame line longer than this is cut (at a character boundary).</summary>
    public const int MaxFrameBytes = 1024;

    private readonly byte[] _type = new byte[MaxTypeBytes];
    private readonly byte[] _frame = new byte[MaxFrameBytes];
    private readonly byte[] _candidateFrame = new byte[MaxFrameBytes];
    private int _typeLength;
    private int _frameLength;
    private int _candidateFrameLength;
    private bool _inTraceback;

    public ReadOnlySpan<byte> ExceptionType => _type.AsSpan(0, _typeLength);

    public ReadOnlySpan<byte> ExceptionFrame => _frame.AsSpan(0, _frameLength);

    public void Reset()
    {
        _typeLength = 0;
        _frameLength = 0;
        _candidateFrameLength = 0;
        _inTraceback = false;
    }

    public void ScanLine(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("Traceback (most recent call last):"u8))
        {
            _inTraceback = true;
            _candidateFrameLength = 0;
            return;
        }

        if (!_inTraceback || line.IsEmpty)
        {
            return;
        }

        if (line[0] is (byte)' ' or (byte)'\t')
        {
            var trimmed = line.Trim(" \t"u8);
            if (trimmed.StartsWith("File \""u8))
            {
                _candidateFrameLength = CopyCut(trimmed, _candidateFrame);
            }

            return;
        }

        // The first unindented line after the frames: "TYPE: message" or a bare "TYPE" (MemoryError).
        var colon = line.IndexOf((byte)':');
        var type = colon < 0 ? line : line[..colon];
        if (!IsQualifiedName(type))
        {
            return;
        }

        type.CopyTo(_type);
        _typeLength = type.Length;
        _candidateFrame.AsSpan(0, _candidateFrameLength).CopyTo(_frame);
        _frameLength = _candidateFrameLength;
        _inTraceback = false;
    }

    // A dotted Python name: "psycopg2.errors.SerializationFailure", "MemoryError". Rejects "During handling of ...".
    private static bool IsQualifiedName(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text.Length > MaxTypeBytes || AsciiNumber.IsDigit(text[0]) || text[0] == (byte)'.')
        {
            return false;
        }

        foreach (var b in text)
        {
            if (!(b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_' or (byte)'.'))
            {
                return false;
            }
        }

        return true;
    }

    // Frame lines may hold non-ASCII paths: cut on a UTF-8 character boundary; drop the line if it is not UTF-8 at all.
    private static int CopyCut(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length > destination.Length)
        {
            var cut = destination.Length;
            while (cut > 0 && (source[cut] & 0xC0) == 0x80)
            {
                cut--;
            }

            source = source[..cut];
        }

        if (!Utf8.IsValid(source))
        {
            return 0;
        }

        source.CopyTo(destination);
        return source.Length;
    }
}
