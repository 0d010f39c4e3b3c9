namespace OdooPerf.Collector.Host;

/// <summary>The fields of /proc/PID/stat the collector uses.</summary>
public readonly record struct ProcessStat(int ParentPid, ulong UserTicks, ulong SystemTicks, ulong StartTicks, ulong VirtualBytes, ulong ResidentPages)
{
    /// <summary>
    /// Parses /proc/PID/stat. The command name (field 2) may hold spaces and parentheses, so fields are
    /// counted from the last ')'. Null when the text is not a stat line.
    /// </summary>
    public static ProcessStat? Parse(ReadOnlySpan<char> text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        // After ")": state(3) ppid(4) ... utime(14) stime(15) ... starttime(22) vsize(23) rss(24).
        Span<Range> fields = stackalloc Range[22];
        var rest = text[(close + 1)..];
        if (LineFields.Split(rest, fields) < 22)
        {
            return null;
        }

        return new ProcessStat(
            (int)Field(rest, fields, 4),
            Field(rest, fields, 14),
            Field(rest, fields, 15),
            Field(rest, fields, 22),
            Field(rest, fields, 23),
            Field(rest, fields, 24));
    }

    // Field numbers as proc(5) gives them; field 3 (state) is the first after ")".
    private static ulong Field(ReadOnlySpan<char> rest, ReadOnlySpan<Range> fields, int number)
    {
        LineFields.TryParseUInt64(rest[fields[number - 3]], out var value);
        return value;
    }
}
