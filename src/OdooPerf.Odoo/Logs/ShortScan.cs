namespace OdooPerf.Odoo.Logs;

/// <summary>
/// Byte searches over the few bytes between two fields of a line. The vectorised <c>IndexOf</c> pays a set-up cost that
/// dominates when the byte is 3 to 20 bytes away, as header fields and werkzeug's pieces are: a plain loop wins there.
/// </summary>
internal static class ShortScan
{
    /// <summary>Index of <paramref name="value"/> in <paramref name="text"/> at or after <paramref name="start"/>; -1 when absent.</summary>
    public static int IndexOf(ReadOnlySpan<byte> text, int start, byte value)
    {
        for (var i = start; (uint)i < (uint)text.Length; i++)
        {
            if (text[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the last <paramref name="value"/> before <paramref name="end"/>; -1 when absent.</summary>
    public static int LastIndexOf(ReadOnlySpan<byte> text, int end, byte value)
    {
        for (var i = Math.Min(end, text.Length) - 1; i >= 0; i--)
        {
            if (text[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when every byte is ASCII (so the text is valid UTF-8 without a closer look).</summary>
    public static bool IsAscii(ReadOnlySpan<byte> text)
    {
        var any = 0;
        foreach (var b in text)
        {
            any |= b;
        }

        return any < 0x80;
    }
}
