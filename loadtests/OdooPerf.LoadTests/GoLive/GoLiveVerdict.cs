using OdooPerf.Load.Reports;

namespace OdooPerf.LoadTests.GoLive;

/// <summary>
/// The decision a go-live run ends with: GO when every threshold passed and the run went to its planned end; NO-GO
/// otherwise, with the reasons (an interrupted run has not shown that the peak can be held, whatever its figures).
/// </summary>
internal static class GoLiveVerdict
{
    public const string Go = "GO";
    public const string NoGo = "NO-GO";

    public static string Decide(LoadReport report) => Reasons(report).Count == 0 ? Go : NoGo;

    /// <summary>Why a run is NO-GO: each failed threshold as the console prints it, and an incomplete run.</summary>
    public static IReadOnlyList<string> Reasons(LoadReport report)
    {
        const string failedSuffix = " — failed";
        var reasons = report.Thresholds.Where(t => t.Failed)
            .Select(t => t.Line.EndsWith(failedSuffix, StringComparison.Ordinal) ? t.Line[..^failedSuffix.Length] : t.Line)
            .ToList();
        if (!report.Complete)
        {
            reasons.Add($"the run did not reach its planned end ({report.StopReason})");
        }

        return reasons;
    }

    /// <summary>The summary's last line: <c>VERDICT: GO</c>, or <c>VERDICT: NO-GO</c> and what failed.</summary>
    public static string Line(LoadReport report)
    {
        var reasons = Reasons(report);
        return reasons.Count == 0 ? $"VERDICT: {Go}" : $"VERDICT: {NoGo} ({string.Join("; ", reasons)})";
    }
}
