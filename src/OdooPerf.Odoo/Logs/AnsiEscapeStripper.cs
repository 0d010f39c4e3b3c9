namespace OdooPerf.Odoo.Logs;

/// <summary>
/// Removes terminal escape sequences. On a TTY (or with <c>ODOO_PY_COLORS</c>) Odoo wraps the level and slow perf numbers in
/// <c>ESC[1;3Xm ESC[1;49m ... ESC[0m</c>, and werkzeug may style the request line the same way.
/// </summary>
internal static class AnsiEscapeStripper
{
    public const byte Escape = 0x1B;

    /// <summary>Copies <paramref name="source"/> without its escape sequences; <paramref name="destination"/> must be at least as long.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int CopyWithout(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        while (true)
        {
            var escape = source.IndexOf(Escape);
            if (escape < 0)
            {
                source.CopyTo(destination[written..]);
                return written + source.Length;
            }

            source[..escape].CopyTo(destination[written..]);
            written += escape;
            source = source[(escape + 1)..];
            source = source[SequenceLength(source)..];
        }
    }

    // Bytes that follow ESC in one sequence: a CSI "[ params final" or a two-byte "ESC X"; a lone ESC is dropped alone.
    private static int SequenceLength(ReadOnlySpan<byte> afterEscape)
    {
        if (afterEscape.IsEmpty)
        {
            return 0;
        }

        var first = afterEscape[0];
        if (first == (byte)'[')
        {
            var i = 1;
            while (i < afterEscape.Length && afterEscape[i] is >= 0x20 and <= 0x3F)
            {
                i++;
            }

            if (i < afterEscape.Length && afterEscape[i] is >= 0x40 and <= 0x7E)
            {
                i++;
            }

            return i;
        }

        return first is >= 0x40 and <= 0x5F ? 1 : 0;
    }
}
