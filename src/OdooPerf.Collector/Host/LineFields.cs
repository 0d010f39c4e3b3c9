namespace OdooPerf.Collector.Host;

/// <summary>Splits /proc lines into whitespace-separated fields without allocating per field.</summary>
public static class LineFields
{
    /// <summary>Writes the ranges of up to <paramref name="ranges"/>.Length fields; returns how many there are.</summary>
    public static int Split(ReadOnlySpan<char> line, Span<Range> ranges)
    {
        var count = 0;
        var i = 0;
        while (i < line.Length && count < ranges.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            ranges[count++] = start..i;
        }

        return count;
    }

    /// <summary>Parses an unsigned decimal /proc field; false when it is not one.</summary>
    public static bool TryParseUInt64(ReadOnlySpan<char> field, out ulong value) =>
        ulong.TryParse(field, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
}
