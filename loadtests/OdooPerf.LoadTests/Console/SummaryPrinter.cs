using OdooPerf.Load.Reports;

namespace OdooPerf.LoadTests.Console;

/// <summary>
/// The end-of-run summary, from the report itself (so a run and a merge print the same thing): how the run ended,
/// totals, latency, failures, the per-step table, the threshold verdicts, dropped iterations, the baseline comparison
/// and where the reports are.
/// </summary>
internal static class SummaryPrinter
{
    public static void Print(ConsoleOutput console, LoadReport report, IReadOnlyList<string> files)
    {
        var totals = report.Totals;
        console.Line();
        console.Line($"{report.Title}");
        var segments = string.Join(", ", report.Segments);
        var planned = Figures.Seconds(report.PlannedDurationSeconds);
        console.Line(report.Complete
            ? $"  completed in {Figures.Seconds(report.DurationSeconds)} (planned {planned}), segment {segments}"
            : $"  INCOMPLETE ({report.StopReason}): stopped after {Figures.Seconds(report.DurationSeconds)} of {planned} planned, segment {segments}: {StopReasons.Explain(report.StopReason)}");
        console.Line($"  requests {Figures.Count(totals.Requests)} ({Figures.Rate(totals.Rps)}/s), ok {Figures.Count(totals.Ok)}, "
            + $"failed {Figures.Errors(totals.Failed, totals.Requests)}, peak users {Figures.Count(report.PeakUsers)}");
        var latency = totals.LatencyMs;
        console.Line(totals.Requests == 0
            ? "  latency: no requests"
            : $"  latency p50 {Figures.Latency(latency.P50)}, p95 {Figures.Latency(latency.P95)}, p99 {Figures.Latency(latency.P99)}, max {Figures.Latency(latency.Max)}");
        console.Line($"  received {Figures.Bytes(totals.BytesReceived)}, sent {Figures.Bytes(totals.BytesSent)}");
        if (totals.FailuresByReason.Count > 0)
        {
            console.Line("  failures: " + string.Join(", ", totals.FailuresByReason.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {Figures.Count(p.Value)}")));
        }

        var steps = new TextTable("step", "requests", "req/s", "failed", "p50", "p95", "p99", "max");
        foreach (var scenario in report.Scenarios)
        {
            foreach (var step in scenario.Steps)
            {
                steps.Add($"{scenario.Name}/{step.Name}", Figures.Count(step.Requests), Figures.Rate(step.Rps), Figures.Percent(step.FailRate),
                    Figures.Latency(step.LatencyMs.P50), Figures.Latency(step.LatencyMs.P95), Figures.Latency(step.LatencyMs.P99), Figures.Latency(step.LatencyMs.Max));
            }
        }

        console.Line();
        foreach (var line in steps.Lines("  "))
        {
            console.Line(line);
        }

        console.Line();
        if (report.Thresholds.Count == 0)
        {
            console.Line("  thresholds: none");
        }
        else
        {
            console.Line("  thresholds:");
            foreach (var threshold in report.Thresholds)
            {
                console.Line($"    {(threshold.Failed ? "FAIL" : threshold.Outcome == ThresholdReport.OutcomePassed ? "ok  " : "n/a ")} {threshold.Line}");
            }

            var failed = report.Thresholds.Count(t => t.Failed);
            console.Line(failed == 0
                ? $"  result: all {report.Thresholds.Count} threshold{(report.Thresholds.Count == 1 ? "" : "s")} passed"
                : $"  result: {failed} of {report.Thresholds.Count} threshold{(report.Thresholds.Count == 1 ? "" : "s")} FAILED");
        }

        console.Line(report.Dropped == 0
            ? "  dropped iterations: 0"
            : $"  dropped iterations: {Figures.Count(report.Dropped)}: the generator could not start them on time, so the load asked for was not delivered");

        if (report.Unfinished is { Count: > 0 } unfinished)
        {
            var left = unfinished.SelectMany(u => u.Value.Select(stage => $"{u.Key}: {Figures.Count(stage.Value)} {stage.Key}"));
            console.Line($"  left mid-flow: {string.Join("; ", left)} ('seed --cleanup' lists what the database holds)");
        }

        if (report.Baseline is { } baseline && baseline.Steps.FirstOrDefault(r => r.Scenario is null) is { } run)
        {
            console.Line($"  baseline {baseline.File}: p95 {Figures.Latency(run.P95Ms)} vs {Optional(run.BaselineP95Ms, Figures.Latency)} ({Change(run.P95DeltaPercent)}), "
                + $"req/s {Figures.Rate(run.Rps)} vs {Optional(run.BaselineRps, Figures.Rate)} ({Change(run.RpsDeltaPercent)})");
        }

        if (files.Count > 0)
        {
            console.Line($"  reports: {string.Join(", ", files)}");
        }

        // Last, alone on its line: what a go/no-go meeting (or a pipeline's grep) reads.
        if (report.Verdict is not null)
        {
            console.Line();
            console.Line(GoLive.GoLiveVerdict.Line(report));
        }
    }

    private static string Optional(double? value, Func<double, string> format) => value is { } v ? format(v) : "-";

    private static string Change(double? percent) =>
        percent is { } p ? (p >= 0 ? "+" : "") + p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "n/a";
}
