using System.Globalization;
using System.Text.RegularExpressions;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// Parses <c>--since</c> / <c>--until</c>: <c>YYYY-MM-DD</c>, <c>YYYY-MM-DD HH:MM[:SS[.fff]]</c>, the same
/// with <c>T</c> (ISO 8601), or a timestamp pasted from the log (<c>2024-03-05 10:21:33,123</c>). The value
/// is compared with the log's timestamps, which are the Odoo server's local time without a zone; a zone
/// designator (<c>Z</c>, <c>+02:00</c>) is refused rather than silently ignored.
/// </summary>
public static partial class ReportTimeArgument
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss,FFFFFFF",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss,FFFFFFF",
    ];

    /// <summary>The local time <paramref name="text"/> names; <see cref="LogReportException"/> naming <paramref name="option"/> when it names none.</summary>
    public static DateTime Parse(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (ZoneDesignator().IsMatch(trimmed))
        {
            throw new LogReportException($"{option} '{text}': remove the time zone; Odoo logs the server's local time without a zone, and {option} is compared with it");
        }

        if (DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        }

        throw new LogReportException($"{option} '{text}' is not a date: use YYYY-MM-DD, 'YYYY-MM-DD HH:MM[:SS]' or YYYY-MM-DDTHH:MM[:SS] (the log's local time)");
    }

    [GeneratedRegex(@"T?\d{2}:\d{2}(:\d{2}([.,]\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZoneDesignator();
}
