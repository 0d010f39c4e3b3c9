namespace OdooPerf.Odoo.Logs;

/// <summary>
/// Finds where the Odoo text starts behind what journald, syslog or a container runtime put in front of every line:
/// <list type="bullet">
/// <item><c>journalctl</c> short output and BSD syslog files: <c>Mar 05 10:21:33 host odoo[123]: </c> (or <c>Mar  5</c>,
/// optional <c>.ffffff</c> as in short-precise).</item>
/// <item>ISO time then host and tag (journalctl short-iso, rsyslog RFC 3339): <c>2024-03-05T10:21:33+0100 host odoo[123]: </c>.</item>
/// <item><c>docker logs -t</c>: <c>2024-03-05T10:21:33.123456789Z </c> (always UTC, so a <c>Z</c> tells it from syslog).</item>
/// <item>CRI (containerd, CRI-O, Kubernetes node logs): <c>2024-03-05T10:21:33.123456789Z stdout F </c>.</item>
/// </list>
/// With <c>--syslog</c>, Odoo's line has no tag of its own: syslog writes <c>host Odoo Server 17.0:...</c>, so when the word
/// after the host does not end with a colon the Odoo text starts at that word.
/// </summary>
internal static class LinePrefixStripper
{
    private const int MaxTokenLength = 256;

    private static ReadOnlySpan<byte> MonthNames => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    /// <summary>The prefix of the line; <see cref="LinePrefix.Length"/> is 0 when it has none that is recognised.</summary>
    public static LinePrefix Find(ReadOnlySpan<byte> line)
    {
        if (line.Length < 16)
        {
            return default;
        }

        if (AsciiNumber.IsDigit(line[0]))
        {
            return FindIso(line);
        }

        return line[0] is >= (byte)'A' and <= (byte)'Z' ? FindBsd(line) : default;
    }

    private static LinePrefix FindIso(ReadOnlySpan<byte> line)
    {
        if (line.Length < 20 || !OdooTimestampParser.StartsWithDate(line[..10]) || line[10] != (byte)'T'
            || !TryTime(line, 11, out var hour, out var minute, out var second))
        {
            return default;
        }

        var p = 19;
        var millisecond = Fraction(line, ref p);
        var utc = false;
        if (p < line.Length && line[p] == (byte)'Z')
        {
            utc = true;
            p++;
        }
        else if (p < line.Length && line[p] is (byte)'+' or (byte)'-')
        {
            p++;
            if (!TwoDigits(line, p))
            {
                return default;
            }

            p += 2;
            if (p < line.Length && line[p] == (byte)':')
            {
                p++;
            }

            if (!TwoDigits(line, p))
            {
                return default;
            }

            p += 2;
        }

        if (p >= line.Length || line[p] != (byte)' ')
        {
            return default;
        }

        p++;
        var time = new LinePrefixTime(
            Number(line, 0, 4), Number(line, 5, 2), Number(line, 8, 2), hour, minute, second, millisecond);
        var rest = line[p..];
        if (rest.StartsWith("stdout "u8) || rest.StartsWith("stderr "u8))
        {
            // CRI: stream, then a tag ("F" full line, "P" partial) and one space.
            var tagEnd = rest[7..].IndexOf((byte)' ');
            return tagEnd is > 0 and <= 8 ? new LinePrefix(p + 7 + tagEnd + 1, LinePrefixKind.Container, default, time) : default;
        }

        return utc ? new LinePrefix(p, LinePrefixKind.Container, default, time) : HostAndTag(line, p, time);
    }

    private static LinePrefix FindBsd(ReadOnlySpan<byte> line)
    {
        var month = MonthNames.IndexOf(line[..3]);
        if (month < 0 || month % 3 != 0 || line[3] != (byte)' ' || line[6] != (byte)' ')
        {
            return default;
        }

        int day;
        if (line[4] == (byte)' ' && AsciiNumber.IsDigit(line[5]))
        {
            day = line[5] - '0';
        }
        else if (TwoDigits(line, 4))
        {
            day = Number(line, 4, 2);
        }
        else
        {
            return default;
        }

        if (!TryTime(line, 7, out var hour, out var minute, out var second))
        {
            return default;
        }

        var p = 15;
        var millisecond = Fraction(line, ref p);
        if (p >= line.Length || line[p] != (byte)' ')
        {
            return default;
        }

        return HostAndTag(line, p + 1, new LinePrefixTime(0, (month / 3) + 1, day, hour, minute, second, millisecond));
    }

    // "host tag: " → after the tag; "host Odoo Server ..." (no tag ending in ':') → after the host.
    private static LinePrefix HostAndTag(ReadOnlySpan<byte> line, int hostStart, LinePrefixTime time)
    {
        var hostLength = Bounded(line[hostStart..]).IndexOf((byte)' ');
        if (hostLength <= 0)
        {
            return default;
        }

        var tagStart = hostStart + hostLength + 1;
        var tag = Bounded(line[tagStart..]);
        var tagLength = tag.IndexOf((byte)' ');
        if (tagLength < 0 && tag.Length == line.Length - tagStart)
        {
            tagLength = tag.Length; // the message after the tag is empty
        }

        if (tagLength > 0 && tag[tagLength - 1] == (byte)':')
        {
            return new LinePrefix(
                Math.Min(tagStart + tagLength + 1, line.Length), LinePrefixKind.Syslog, ByteRange.FromBounds(hostStart, tagStart + tagLength), time);
        }

        return new LinePrefix(tagStart, LinePrefixKind.Syslog, default, time);
    }

    private static ReadOnlySpan<byte> Bounded(ReadOnlySpan<byte> text) => text.Length > MaxTokenLength ? text[..MaxTokenLength] : text;

    private static bool TryTime(ReadOnlySpan<byte> line, int start, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        if (line.Length < start + 8 || !TwoDigits(line, start) || line[start + 2] != (byte)':'
            || !TwoDigits(line, start + 3) || line[start + 5] != (byte)':' || !TwoDigits(line, start + 6))
        {
            return false;
        }

        hour = Number(line, start, 2);
        minute = Number(line, start + 3, 2);
        second = Number(line, start + 6, 2);
        return true;
    }

    // ".ffffff" → milliseconds; moves p past it. No fraction → 0.
    private static int Fraction(ReadOnlySpan<byte> line, ref int p)
    {
        if (p >= line.Length || line[p] != (byte)'.')
        {
            return 0;
        }

        p++;
        var millisecond = 0;
        var digits = 0;
        while (p < line.Length && AsciiNumber.IsDigit(line[p]))
        {
            if (digits < 3)
            {
                millisecond = (millisecond * 10) + (line[p] - '0');
            }

            digits++;
            p++;
        }

        for (; digits < 3; digits++)
        {
            millisecond *= 10;
        }

        return millisecond;
    }

    private static bool TwoDigits(ReadOnlySpan<byte> line, int start) =>
        start + 1 < line.Length && AsciiNumber.IsDigit(line[start]) && AsciiNumber.IsDigit(line[start + 1]);

    private static int Number(ReadOnlySpan<byte> line, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            value = (value * 10) + (line[i] - '0');
        }

        return value;
    }
}
