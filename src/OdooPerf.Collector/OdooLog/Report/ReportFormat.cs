using System.Globalization;
using System.Text;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>How numbers, durations and times read in the text and HTML reports.</summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string Number(double value, int decimals = 1) => value.ToString("N" + decimals.ToString(Invariant), Invariant);

    public static string Percent(double ratio) => ratio == 0 ? "0%" : ratio < 0.001 ? "<0.1%" : (ratio * 100).ToString(ratio < 0.1 ? "0.0" : "0", Invariant) + "%";

    /// <summary>"0 ms", "45 ms", "1.23 s", "12.3 s", "5m 12s", "3h 05m", "2d 04h".</summary>
    public static string Duration(double seconds)
    {
        if (double.IsNaN(seconds) || seconds <= 0)
        {
            return "0 ms";
        }

        if (seconds < 1)
        {
            return Math.Round(seconds * 1000).ToString("0", Invariant) + " ms";
        }

        if (seconds < 10)
        {
            return seconds.ToString("0.00", Invariant) + " s";
        }

        if (seconds < 60)
        {
            return seconds.ToString("0.0", Invariant) + " s";
        }

        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        if (span.TotalHours < 1)
        {
            return string.Create(Invariant, $"{span.Minutes}m {span.Seconds:00}s");
        }

        return span.TotalDays < 1
            ? string.Create(Invariant, $"{(int)span.TotalHours}h {span.Minutes:00}m")
            : string.Create(Invariant, $"{(int)span.TotalDays}d {span.Hours:00}h");
    }

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(Invariant) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", Invariant) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / 1024.0 / 1024).ToString("0.0", Invariant) + " MiB",
        _ => (bytes / 1024.0 / 1024 / 1024).ToString("0.00", Invariant) + " GiB",
    };

    /// <summary>A local time from the log, to the second unless the milliseconds matter.</summary>
    public static string Time(DateTime? time, bool milliseconds = false) => time is { } t
        ? t.ToString(milliseconds ? "yyyy-MM-dd HH:mm:ss.fff" : "yyyy-MM-dd HH:mm:ss", Invariant)
        : "-";

    /// <summary>The start of a timeline bucket, as short as its interval allows.</summary>
    public static string BucketStart(DateTime start, double intervalSeconds) => intervalSeconds < 86400
        ? start.ToString("yyyy-MM-dd HH:mm", Invariant)
        : start.ToString("yyyy-MM-dd", Invariant);

    /// <summary>
    /// Text from the log made safe for a terminal: control characters (an escape sequence in a path could
    /// otherwise drive the reader's terminal) become <c>?</c>.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\x1f') && !text.AsSpan().ContainsAnyInRange('\x7f', '\x9f'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c < ' ' || (c >= '\x7f' && c <= '\x9f') ? '?' : c);
        }

        return builder.ToString();
    }
}
