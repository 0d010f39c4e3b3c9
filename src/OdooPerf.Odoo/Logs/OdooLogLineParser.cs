using System.Text.Unicode;

namespace OdooPerf.Odoo.Logs;

/// <summary>
/// Parses the first line of an entry (prefix and colours already removed) into <see cref="OdooLogLineFields"/>:
/// <list type="bullet">
/// <item><see cref="OdooLogLineFormat.Standard"/>: <c>%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: %(message)s %(perf_info)s</c>
/// (<c>odoo/netsvc.py</c>, 12 to 19; 11 and older lack the perf part).</item>
/// <item><see cref="OdooLogLineFormat.Syslog"/>: <c>Odoo Server 17.0:%(dbname)s:%(levelname)s:%(name)s:%(message)s</c>.</item>
/// </list>
/// </summary>
internal sealed class OdooLogLineParser
{
    private readonly OdooTimestampParser _timestamps = new();

    /// <summary>How rsyslog writes a newline inside a message (octal escape of the control character).</summary>
    public static ReadOnlySpan<byte> FoldedNewline => "#012"u8;

    /// <summary>True when the line is <c>Odoo Server VERSION:...</c> (<c>OpenERP Server</c> before 9).</summary>
    public static bool IsSyslogFormat(ReadOnlySpan<byte> line) =>
        line.StartsWith("Odoo Server "u8) || line.StartsWith("OpenERP Server "u8);

    /// <summary>Parses into <paramref name="fields"/> (overwritten whole).</summary>
    public OdooLogUnparsedReason? TryParseStandard(ReadOnlySpan<byte> line, ref OdooLogLineFields fields)
    {
        fields = default;
        fields.Seconds = double.NaN;
        const int afterTimestamp = OdooTimestampParser.Length + 1;
        if (line.Length <= afterTimestamp || line[OdooTimestampParser.Length] != (byte)' '
            || !_timestamps.TryParse(line, out fields.TimestampTicks))
        {
            return OdooLogUnparsedReason.Malformed;
        }

        var pid = NextToken(line, afterTimestamp);
        var level = NextToken(line, pid.End + 1);
        var database = NextToken(line, level.End + 1);
        if (database.Length == 0 || !AsciiNumber.TryParseInt(pid.Of(line), out fields.Pid)
            || !TryParseLevel(level.Of(line), out fields.Level))
        {
            return OdooLogUnparsedReason.Malformed;
        }

        // "%(name)s: ": the logger is the next word, ending with a colon.
        var loggerStart = database.End + 1;
        if (loggerStart >= line.Length)
        {
            return OdooLogUnparsedReason.Malformed;
        }

        var loggerEnd = ShortScan.IndexOf(line, loggerStart, (byte)' ');
        if (loggerEnd < 0)
        {
            loggerEnd = line.Length;
        }
        if (loggerEnd - loggerStart < 2 || line[loggerEnd - 1] != (byte)':')
        {
            return OdooLogUnparsedReason.Malformed;
        }

        fields.Format = OdooLogLineFormat.Standard;
        fields.Database = database;
        fields.Logger = ByteRange.FromBounds(loggerStart, loggerEnd - 1);
        fields.Message = ByteRange.FromBounds(Math.Min(loggerEnd + 1, line.Length), line.Length);
        return Finish(line, ref fields, trailingSpace: true);
    }

    /// <summary>Parses into <paramref name="fields"/> (overwritten whole).</summary>
    public OdooLogUnparsedReason? TryParseSyslog(ReadOnlySpan<byte> line, long prefixTicks, ref OdooLogLineFields fields)
    {
        fields = default;
        fields.Seconds = double.NaN;
        fields.TimestampTicks = prefixTicks;
        var version = line.IndexOf((byte)':');
        var database = NextField(line, version + 1);
        var level = NextField(line, database.End + 1);
        var logger = NextField(line, level.End + 1);
        if (version < 0 || version > 64 || database.End >= line.Length || level.End >= line.Length || logger.End >= line.Length
            || database.Length == 0 || logger.Length == 0 || !TryParseLevel(level.Of(line), out fields.Level))
        {
            return OdooLogUnparsedReason.Malformed;
        }

        fields.Format = OdooLogLineFormat.Syslog;
        fields.Database = database;
        fields.Logger = logger;
        fields.Message = ByteRange.FromBounds(logger.End + 1, line.Length);

        // rsyslog escapes the newlines of a multi-line message (a traceback) as "#012" and writes one line.
        var fold = fields.Message.Of(line).IndexOf(FoldedNewline);
        if (fold >= 0)
        {
            var foldAt = fields.Message.Start + fold;
            fields.FoldedLines = ByteRange.FromBounds(foldAt + FoldedNewline.Length, line.Length);
            fields.Message = ByteRange.FromBounds(fields.Message.Start, foldAt);
        }

        return Finish(line, ref fields, trailingSpace: false);
    }

    /// <summary>Ticks of a prefix time, the year taken from the last full timestamp read when the prefix has none.</summary>
    public bool TryPrefixTicks(in LinePrefixTime time, out long ticks)
    {
        ticks = 0;
        return time.HasTime && _timestamps.TryMakeTicks(
            time.Year != 0 ? time.Year : _timestamps.LastYear, time.Month, time.Day, time.Hour, time.Minute, time.Second, time.Millisecond, out ticks);
    }

    private static OdooLogUnparsedReason? Finish(ReadOnlySpan<byte> line, ref OdooLogLineFields fields, bool trailingSpace)
    {
        // Database and logger become labels downstream: they must be text.
        if (!IsText(fields.Database.Of(line)) || !IsText(fields.Logger.Of(line)))
        {
            return OdooLogUnparsedReason.Binary;
        }

        if (fields.Logger.Of(line).SequenceEqual(WerkzeugRequestParser.LoggerName))
        {
            if (WerkzeugRequestParser.TryParse(line, ref fields))
            {
                fields.Kind = OdooLogEntryKind.Request;
                return null;
            }

            fields.Message = WerkzeugRequestParser.WithoutPerformance(line, fields.Message);
        }
        else if (trailingSpace && fields.Message.Length > 0 && line[fields.Message.End - 1] == (byte)' ')
        {
            // Every non-werkzeug line ends with " " + an empty perf_info.
            fields.Message = new ByteRange(fields.Message.Start, fields.Message.Length - 1);
        }

        OdooMessageClassifier.Classify(line, ref fields);
        return null;
    }

    // The word starting at start, up to the next space (or the end of the line).
    private static ByteRange NextToken(ReadOnlySpan<byte> line, int start)
    {
        if (start >= line.Length)
        {
            return new ByteRange(line.Length, 0);
        }

        var end = ShortScan.IndexOf(line, start, (byte)' ');
        return ByteRange.FromBounds(start, end < 0 ? line.Length : end);
    }

    // The field starting at start, up to the next colon; its End is line.Length when there is none.
    private static ByteRange NextField(ReadOnlySpan<byte> line, int start)
    {
        if (start <= 0 || start >= line.Length)
        {
            return new ByteRange(line.Length, 0);
        }

        var length = line[start..].IndexOf((byte)':');
        return new ByteRange(start, length < 0 ? line.Length - start : length);
    }

    private static bool IsText(ReadOnlySpan<byte> field) => ShortScan.IsAscii(field) || Utf8.IsValid(field);

    private static bool TryParseLevel(ReadOnlySpan<byte> text, out OdooLogLevel level)
    {
        level = text.Length switch
        {
            4 when text.SequenceEqual("INFO"u8) => OdooLogLevel.Info,
            5 when text.SequenceEqual("DEBUG"u8) => OdooLogLevel.Debug,
            5 when text.SequenceEqual("ERROR"u8) => OdooLogLevel.Error,
            7 when text.SequenceEqual("WARNING"u8) => OdooLogLevel.Warning,
            8 when text.SequenceEqual("CRITICAL"u8) => OdooLogLevel.Critical,
            _ => OdooLogLevel.Unknown,
        };

        // A level Odoo does not print is still a word of capitals (Python's own NOTSET, a custom one); anything else is not a level.
        return level != OdooLogLevel.Unknown
            || (text.Length is > 0 and <= 16 && text.IndexOfAnyExceptInRange((byte)'A', (byte)'Z') < 0);
    }
}
