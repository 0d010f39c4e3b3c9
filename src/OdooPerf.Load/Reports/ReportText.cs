using System.Globalization;
using OdooPerf.Load.Simulations;

namespace OdooPerf.Load.Reports;

/// <summary>How numbers, latencies and times read in report.md and report.html (invariant culture, UTC).</summary>
internal static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>"0.35 ms", "12.3 ms", "412 ms", "2.41 s", "1m 05s".</summary>
    public static string Ms(double ms) => ms switch
    {
        < 10 => ms.ToString("0.##", Invariant) + " ms",
        < 100 => ms.ToString("0.#", Invariant) + " ms",
        < 1_000 => ms.ToString("0", Invariant) + " ms",
        < 60_000 => (ms / 1_000).ToString("0.00", Invariant) + " s",
        _ => Duration(ms / 1_000),
    };

    public static string Percent(double fraction) => (fraction * 100).ToString("0.##", Invariant) + "%";

    public static string Rps(double rps) => rps.ToString(rps < 10 ? "0.##" : "N1", Invariant) + "/s";

    public static string Number(double value) => value.ToString("0.##", Invariant);

    /// <summary>"850 ms", "45.2 s", "5m 12s", "2h 05m".</summary>
    public static string Duration(double seconds)
    {
        if (!(seconds > 0))
            return "0 s";
        if (seconds < 1)
            return (seconds * 1000).ToString("0", Invariant) + " ms";
        if (seconds < 60)
            return seconds.ToString("0.#", Invariant) + " s";
        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        return span.TotalHours < 1
            ? string.Create(Invariant, $"{span.Minutes}m {span.Seconds:00}s")
            : string.Create(Invariant, $"{(int)span.TotalHours}h {span.Minutes:00}m");
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC";

    /// <summary>A signed change, "+14.8%", "-3%"; "–" when there is none.</summary>
    public static string Change(double? percent) => percent is { } p ? (p >= 0 ? "+" : "") + p.ToString("0.#", Invariant) + "%" : "–";

    /// <summary>A change in percentage points, "+1.5 pt".</summary>
    public static string Points(double? points) => points is { } p ? (p >= 0 ? "+" : "") + p.ToString("0.##", Invariant) + " pt" : "–";

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(Invariant) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", Invariant) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / 1024.0 / 1024).ToString("0.0", Invariant) + " MiB",
        _ => (bytes / 1024.0 / 1024 / 1024).ToString("0.00", Invariant) + " GiB",
    };

    /// <summary>"1/1 (the whole run)", "1/4, 2/4 of 4 (missing 3/4, 4/4)".</summary>
    public static string Segments(IReadOnlyList<string> segments)
    {
        var parsed = segments.Select(s => ExecutionSegment.TryParse(s, out var segment) ? segment : (ExecutionSegment?)null).ToArray();
        if (parsed.Any(s => s is null) || parsed.Length == 0)
            return string.Join(", ", segments);
        var count = parsed[0]!.Value.Count;
        if (count == 1)
            return "1/1 (the whole run)";
        var missing = Enumerable.Range(1, count).Where(i => parsed.All(s => s!.Value.Index != i)).Select(i => $"{i}/{count}").ToArray();
        return string.Join(", ", segments) + (missing.Length == 0 ? $" (all {count} merged)" : $" (missing {string.Join(", ", missing)}: not the whole run)");
    }

    /// <summary>A one-sentence explanation of dropped iterations, or null when there were none.</summary>
    public static string? DroppedNote(long dropped) => dropped == 0
        ? null
        : $"{Count(dropped)} iterations were dropped: the generator could not start them on time (no free virtual user), so the server got less load than planned.";

    public static string ThresholdSummary(LoadReport report)
    {
        var total = report.Thresholds.Count;
        if (total == 0)
            return "none declared";
        var failed = report.Thresholds.Count(t => t.Failed);
        return failed == 0 ? $"all {total} passed" : $"{failed} of {total} failed";
    }

    public static string OutcomeMark(string outcome) => outcome switch
    {
        ThresholdReport.OutcomePassed => "PASS",
        ThresholdReport.OutcomeFailed => "FAIL",
        _ => "N/A",
    };
}
