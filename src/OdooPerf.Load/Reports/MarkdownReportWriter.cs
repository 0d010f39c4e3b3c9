using System.Text;

namespace OdooPerf.Load.Reports;

/// <summary>
/// report.md: the run in a form that reads well in a merge request, a wiki or a terminal: summary, an incomplete
/// banner, thresholds, the per-scenario and per-step table, the load each scenario got, failures, baseline deltas.
/// Names from the scenario code are written in code spans, so no name can turn into markup.
/// </summary>
public static class MarkdownReportWriter
{
    public const string FileName = "report.md";

    public static string Write(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = new StringBuilder();
        o.Append("# Load test report: ").Append(Code(report.Title)).Append("\n\n");
        if (!report.Complete)
        {
            o.Append("> **INCOMPLETE RUN** (").Append(report.StopReason).Append("): ").Append(StopReasons.Explain(report.StopReason))
                .Append(". The figures cover only the part that ran; do not take a go/no-go decision on them.\n\n");
        }

        Summary(o, report);
        Thresholds(o, report);
        Steps(o, report);
        StepCalls(o, report);
        Unfinished(o, report);
        Load(o, report);
        StatusCodes(o, report);
        Failures(o, report);
        Baseline(o, report);
        return o.ToString();
    }

    private static void Summary(StringBuilder o, LoadReport report)
    {
        var t = report.Totals;
        o.Append("| | |\n|---|---|\n");
        if (report.Verdict is { } verdict)
            Row(o, "Verdict", $"**{Escape(verdict)}**");
        Row(o, "Thresholds", ReportText.ThresholdSummary(report));
        Row(o, "Started", ReportText.Time(report.StartedAt));
        Row(o, "Ended", ReportText.Time(report.EndedAt));
        Row(o, "Duration", $"{ReportText.Duration(report.DurationSeconds)} of {ReportText.Duration(report.PlannedDurationSeconds)} planned");
        Row(o, "Stop reason", report.StopReason);
        Row(o, "Segments", ReportText.Segments(report.Segments));
        Row(o, "Peak users", ReportText.Count(report.PeakUsers));
        Row(o, "Dropped iterations", ReportText.Count(report.Dropped));
        Row(o, "Requests", $"{ReportText.Count(t.Requests)} ({ReportText.Rps(t.Rps)})");
        Row(o, "Failed", $"{ReportText.Count(t.Failed)} ({ReportText.Percent(t.FailRate)})");
        Row(o, "Latency", $"p50 {ReportText.Ms(t.LatencyMs.P50)} · p95 {ReportText.Ms(t.LatencyMs.P95)} · p99 {ReportText.Ms(t.LatencyMs.P99)} · max {ReportText.Ms(t.LatencyMs.Max)}");
        Row(o, "Data", $"{ReportText.Bytes(t.BytesSent)} sent, {ReportText.Bytes(t.BytesReceived)} received");
        o.Append('\n');
        if (ReportText.DroppedNote(report.Dropped) is { } note)
            o.Append("> **Dropped iterations.** ").Append(note).Append("\n\n");
        if (t.ClampedLatencies > 0)
            o.Append("> ").Append(ReportText.Count(t.ClampedLatencies)).Append(" requests took longer than 5 minutes and are counted as 5 minutes.\n\n");
    }

    private static void Thresholds(StringBuilder o, LoadReport report)
    {
        o.Append("## Thresholds\n\n");
        if (report.Thresholds.Count == 0)
        {
            o.Append("None declared.\n\n");
            return;
        }

        foreach (var threshold in report.Thresholds)
            o.Append("- **").Append(ReportText.OutcomeMark(threshold.Outcome)).Append("** ").Append(Code(threshold.Line)).Append('\n');
        o.Append('\n');
    }

    private static void Steps(StringBuilder o, LoadReport report)
    {
        o.Append("## Scenarios and steps\n\n");
        o.Append("| scenario | step | requests | failed | fail % | rps | p50 | p95 | p99 | max |\n");
        o.Append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        foreach (var scenario in report.Scenarios)
        {
            StatsRow(o, Code(scenario.Name), "*all steps*", scenario);
            foreach (var step in scenario.Steps)
                StatsRow(o, Code(scenario.Name), Code(step.Name), step);
        }

        StatsRow(o, "**all**", "", report.Totals);
        o.Append('\n');
    }

    private static void StepCalls(StringBuilder o, LoadReport report)
    {
        if (report.StepCalls is not { Count: > 0 } calls)
            return;
        o.Append("## What each step called\n\n| step | call |\n|---|---|\n");
        foreach (var (step, call) in calls)
            o.Append("| ").Append(Code(step)).Append(" | ").Append(Code(call)).Append(" |\n");
        o.Append('\n');
    }

    private static void Unfinished(StringBuilder o, LoadReport report)
    {
        if (report.Unfinished is not { } unfinished)
            return;
        o.Append("## Left unfinished\n\n");
        if (unfinished.Count == 0)
        {
            o.Append("Everything the iterations began was finished.\n\n");
            return;
        }

        o.Append("What the iterations began and did not finish (a step failed, or the run stopped), by the stage it was left at: find it in the target, then finish or discard it.\n\n");
        o.Append("| scenario | left at | count |\n|---|---|---:|\n");
        foreach (var (scenario, stages) in unfinished.OrderBy(u => u.Key, StringComparer.Ordinal))
            foreach (var (stage, count) in stages)
                o.Append("| ").Append(Code(scenario)).Append(" | ").Append(stage).Append(" | ").Append(ReportText.Count(count)).Append(" |\n");
        o.Append('\n');
    }

    private static void StatsRow(StringBuilder o, string scenario, string step, ReportStats s) =>
        o.Append("| ").Append(scenario).Append(" | ").Append(step).Append(" | ").Append(ReportText.Count(s.Requests))
            .Append(" | ").Append(ReportText.Count(s.Failed)).Append(" | ").Append(ReportText.Percent(s.FailRate))
            .Append(" | ").Append(ReportText.Rps(s.Rps)).Append(" | ").Append(ReportText.Ms(s.LatencyMs.P50))
            .Append(" | ").Append(ReportText.Ms(s.LatencyMs.P95)).Append(" | ").Append(ReportText.Ms(s.LatencyMs.P99))
            .Append(" | ").Append(ReportText.Ms(s.LatencyMs.Max)).Append(" |\n");

    private static void Load(StringBuilder o, LoadReport report)
    {
        o.Append("## Load\n\n");
        o.Append("| scenario | phases | iterations | dropped | peak users | peak target users | max scheduling lag |\n");
        o.Append("|---|---|--:|--:|--:|--:|--:|\n");
        foreach (var s in report.Scenarios)
        {
            o.Append("| ").Append(Code(s.Name)).Append(" | ").Append(s.Phases.Count == 0 ? "–" : string.Join(", ", s.Phases.Select(Code)))
                .Append(" | ").Append(ReportText.Count(s.Iterations)).Append(" | ").Append(ReportText.Count(s.Dropped))
                .Append(" | ").Append(ReportText.Count(s.PeakUsers)).Append(" | ").Append(ReportText.Count(s.PeakTargetUsers))
                .Append(" | ").Append(ReportText.Ms(s.MaxSchedulingLagMs)).Append(" |\n");
        }

        o.Append('\n');
    }

    private static void StatusCodes(StringBuilder o, LoadReport report)
    {
        var t = report.Totals;
        if (t.StatusCodes.Count == 0)
            return;
        o.Append("## Status codes\n\n| status | requests |\n|--:|--:|\n");
        foreach (var (code, count) in t.StatusCodes)
            o.Append("| ").Append(code == "0" ? "other" : Escape(code)).Append(" | ").Append(ReportText.Count(count)).Append(" |\n");
        o.Append('\n');
    }

    /// <summary>
    /// Each failing step, most failures first: its reasons with their counts and, under each, the messages the server
    /// gave with how often and when each was first seen. A list rather than a table, so long messages read in a terminal.
    /// </summary>
    private static void Failures(StringBuilder o, LoadReport report)
    {
        var steps = report.Scenarios
            .SelectMany(s => s.Steps.Where(step => step.Failed > 0).Select(step => (Scope: $"{s.Name}/{step.Name}", Step: step)))
            .OrderByDescending(s => s.Step.Failed)
            .ToArray();
        if (steps.Length == 0)
            return;
        o.Append("## Failures\n\n");
        foreach (var (scope, step) in steps)
        {
            o.Append("### ").Append(Code(scope)).Append(": ").Append(ReportText.Count(step.Failed)).Append(" failed of ")
                .Append(ReportText.Count(step.Requests)).Append("\n\n");
            foreach (var (reason, count) in step.FailuresByReason.OrderByDescending(r => r.Value))
            {
                o.Append("- ").Append(Code(reason)).Append(": ").Append(ReportText.Count(count)).Append('\n');
                var messages = step.FailureMessages.Where(m => m.Reason == reason).OrderByDescending(m => m.Count).ThenBy(m => m.FirstAt).ToArray();
                foreach (var message in messages)
                {
                    o.Append("  - ").Append(ReportText.Count(message.Count)).Append(" × ").Append(Span(message.Message))
                        .Append(" (first ").Append(ReportText.Time(message.FirstAt)).Append(")\n");
                }

                var other = step.OtherFailureMessages.GetValueOrDefault(reason);
                if (other > 0)
                    o.Append("  - ").Append(ReportText.Count(other)).Append(" × other messages, not kept (over the limit of distinct messages)\n");
                var without = count - messages.Sum(m => m.Count) - other;
                if (without > 0 && (messages.Length > 0 || other > 0))
                    o.Append("  - ").Append(ReportText.Count(without)).Append(" × no message\n");
            }

            o.Append('\n');
        }
    }

    private static void Baseline(StringBuilder o, LoadReport report)
    {
        if (report.Baseline is not { } baseline)
            return;
        o.Append("## Compared with the baseline\n\n");
        o.Append("Baseline ").Append(Code(baseline.File)).Append(": ").Append(Code(baseline.Title)).Append(", started ")
            .Append(ReportText.Time(baseline.StartedAt)).Append(". Positive latency changes are slower.\n\n");
        o.Append("| scope | requests | baseline | rps change | p50 | p95 | p99 | fail % | baseline |\n");
        o.Append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        foreach (var row in baseline.Steps)
        {
            o.Append("| ").Append(row.Scenario is null ? "**the run**" : Code(row.Scope))
                .Append(" | ").Append(ReportText.Count(row.Requests)).Append(" | ").Append(row.BaselineRequests is { } b ? ReportText.Count(b) : "–")
                .Append(" | ").Append(ReportText.Change(row.RpsDeltaPercent))
                .Append(" | ").Append(ReportText.Ms(row.P50Ms)).Append(' ').Append(ReportText.Change(row.P50DeltaPercent))
                .Append(" | ").Append(ReportText.Ms(row.P95Ms)).Append(' ').Append(ReportText.Change(row.P95DeltaPercent))
                .Append(" | ").Append(ReportText.Ms(row.P99Ms)).Append(' ').Append(ReportText.Change(row.P99DeltaPercent))
                .Append(" | ").Append(ReportText.Percent(row.FailRate)).Append(" | ").Append(row.BaselineFailRate is { } f ? ReportText.Percent(f) : "–")
                .Append(" |\n");
        }

        o.Append('\n');
        if (baseline.MissingInCurrent.Count > 0)
            o.Append("In the baseline but not in this run: ").Append(string.Join(", ", baseline.MissingInCurrent.Select(Code))).Append(".\n\n");
    }

    private static void Row(StringBuilder o, string key, string value) => o.Append("| ").Append(key).Append(" | ").Append(value).Append(" |\n");

    /// <summary>A name in a code span: backticks cannot close it, pipes cannot split a table cell, newlines cannot break the line.</summary>
    private static string Code(string text)
    {
        var clean = text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
        return "`" + clean + "`";
    }

    /// <summary>Free text (a server's message) in a code span outside a table: it reads as written, nothing in it is markup.</summary>
    private static string Span(string text)
    {
        var clean = text.Replace('`', '\'').Replace('\r', ' ').Replace('\n', ' ');
        return "`" + clean + "`";
    }

    /// <summary>Text outside a code span (a caller's verdict, a status key): no markup, no HTML.</summary>
    private static string Escape(string text)
    {
        var o = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': o.Append("&lt;"); break;
                case '>': o.Append("&gt;"); break;
                case '&': o.Append("&amp;"); break;
                case '\r' or '\n': o.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#': o.Append('\\').Append(c); break;
                default: o.Append(c); break;
            }
        }

        return o.ToString();
    }
}
