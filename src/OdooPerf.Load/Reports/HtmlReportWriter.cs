using System.Text;
using OdooPerf.Reporting;
using static OdooPerf.Reporting.SvgChart;

namespace OdooPerf.Load.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no script, no font or resource from elsewhere) that a
/// tester can attach to a go/no-go meeting: verdict and summary, an INCOMPLETE banner when the run stopped early, the
/// threshold verdicts, latency percentiles, throughput, errors, users and dropped iterations over time, the per-step
/// table, the load per scenario, failures and the baseline comparison. Every text goes through
/// <see cref="SvgChart.Escape"/>; times are UTC.
/// </summary>
public static class HtmlReportWriter
{
    public const string FileName = "report.html";

    private const string P50Colour = "#4c78a8";
    private const string P95Colour = "#f58518";
    private const string P99Colour = "#e45756";
    private const string RequestsColour = "#54a24b";
    private const string ErrorsColour = "#b00020";
    private const string TotalUsersColour = "#333333";
    private const string DroppedColour = "#d6616b";
    private static readonly string[] ScenarioColours = ["#4c78a8", "#72b7b2", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac", "#54a24b"];

    private const string Style = ReportStyle.Base + "\n" + """
        .banner { border-radius: 6px; padding: 10px 14px; margin: 10px 0; font-size: 15px; }
        .banner.incomplete { background: #fff4e5; border: 2px solid #e8590c; color: #7a2e00; }
        .banner.dropped { background: #fff8db; border: 1px solid #e0b400; }
        .verdict { display: inline-block; font-size: 20px; font-weight: 700; padding: 6px 16px; border-radius: 6px; margin: 6px 0; }
        .verdict.good { background: #d3f9d8; color: #1b5e20; }
        .verdict.bad { background: #ffe3e3; color: #b00020; }
        .cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; }
        tr.scenario td { font-weight: 600; background: #f7f8fa; }
        tr.total td { font-weight: 700; border-top: 2px solid #ccc; }
        td.pass { color: #1b5e20; font-weight: 700; }
        td.fail { color: #b00020; font-weight: 700; }
        td.na { color: #666; font-weight: 700; }
        .worse { color: #b00020; }
        .better { color: #1b5e20; }
        footer { color: #888; font-size: 12px; margin-top: 30px; }
        """;

    public static string Write(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = new StringBuilder(64 * 1024);
        o.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Load test report: ").Append(Escape(report.Title)).Append("</title><style>").Append(Style).Append("</style></head><body><main>\n");
        o.Append("<h1>Load test report</h1><p class=\"sub\">").Append(Escape(report.Title)).Append(" &middot; ")
            .Append(Escape(ReportText.Time(report.StartedAt))).Append(" to ").Append(Escape(ReportText.Time(report.EndedAt)))
            .Append(" &middot; segments ").Append(Escape(ReportText.Segments(report.Segments))).Append("</p>\n");

        if (!report.Complete)
        {
            o.Append("<div class=\"banner incomplete\" id=\"incomplete\"><strong>INCOMPLETE RUN</strong> (").Append(Escape(report.StopReason)).Append("): ")
                .Append(Escape(StopReasons.Explain(report.StopReason)))
                .Append(". The figures cover only the part that ran; do not take a go/no-go decision on them.</div>\n");
        }

        if (report.Verdict is { } verdict)
        {
            var good = verdict.Equals("GO", StringComparison.OrdinalIgnoreCase);
            o.Append("<div class=\"verdict ").Append(good ? "good" : "bad").Append("\">Verdict: ").Append(Escape(verdict)).Append("</div>\n");
        }

        if (ReportText.DroppedNote(report.Dropped) is { } dropped)
            o.Append("<div class=\"banner dropped\"><strong>Dropped iterations.</strong> ").Append(Escape(dropped)).Append("</div>\n");

        Cards(o, report);
        Thresholds(o, report);
        Charts(o, report);
        Steps(o, report);
        Load(o, report);
        Failures(o, report);
        Baseline(o, report);
        o.Append("<footer>").Append(Escape($"{report.Tool} {report.ToolVersion} · report.json schema {report.SchemaVersion} · times in UTC")).Append("</footer>\n");
        o.Append("</main></body></html>\n");
        return o.ToString();
    }

    private static void Cards(StringBuilder o, LoadReport report)
    {
        var t = report.Totals;
        o.Append("<div class=\"cards\">");
        Card(o, ReportText.Count(t.Requests), "requests");
        Card(o, ReportText.Rps(t.Rps), "throughput");
        Card(o, ReportText.Percent(t.FailRate), $"failed ({ReportText.Count(t.Failed)})", t.Failed > 0);
        Card(o, ReportText.Ms(t.LatencyMs.P50), "p50 latency");
        Card(o, ReportText.Ms(t.LatencyMs.P95), "p95 latency");
        Card(o, ReportText.Ms(t.LatencyMs.P99), "p99 latency");
        Card(o, ReportText.Ms(t.LatencyMs.Max), "max latency");
        Card(o, ReportText.Count(report.PeakUsers), "peak users");
        Card(o, ReportText.Count(report.Dropped), "dropped iterations", report.Dropped > 0);
        Card(o, ReportText.Duration(report.DurationSeconds), $"duration of {ReportText.Duration(report.PlannedDurationSeconds)} planned", !report.Complete);
        o.Append("</div>\n");
    }

    private static void Card(StringBuilder o, string value, string key, bool bad = false) =>
        o.Append("<div class=\"card").Append(bad ? " bad" : "").Append("\"><div class=\"v\">").Append(Escape(value))
            .Append("</div><div class=\"k\">").Append(Escape(key)).Append("</div></div>");

    private static void Thresholds(StringBuilder o, LoadReport report)
    {
        o.Append("<h2>Thresholds: ").Append(Escape(ReportText.ThresholdSummary(report))).Append("</h2>\n");
        if (report.Thresholds.Count == 0)
        {
            o.Append("<p class=\"empty\">No threshold was declared.</p>\n");
            return;
        }

        o.Append("<table id=\"thresholds\"><thead><tr><th>outcome</th><th>threshold</th></tr></thead><tbody>");
        foreach (var threshold in report.Thresholds)
        {
            var css = threshold.Outcome switch { ThresholdReport.OutcomePassed => "pass", ThresholdReport.OutcomeFailed => "fail", _ => "na" };
            o.Append("<tr><td class=\"").Append(css).Append("\">").Append(ReportText.OutcomeMark(threshold.Outcome)).Append("</td><td>")
                .Append(Escape(threshold.Line)).Append("</td></tr>");
        }

        o.Append("</tbody></table>\n");
    }

    private static void Charts(StringBuilder o, LoadReport report)
    {
        var points = report.Series;
        var interval = report.IntervalSeconds;
        o.Append("<h2>Over time (per ").Append(Escape(ReportText.Duration(interval))).Append(", UTC)</h2>\n");
        if (points.Count == 0)
        {
            o.Append("<p class=\"empty\">The run was too short for a time series.</p>\n");
            return;
        }

        var starts = points.Select(p => p.Start.UtcDateTime).ToArray();
        double Latency(SeriesPoint p, double value) => p.Total.Requests == 0 ? double.NaN : value;
        Panel(o, "Latency percentiles (all requests)", Lines("chart-latency", starts, interval,
        [
            new Series("p50", P50Colour, [.. points.Select(p => Latency(p, p.Total.P50Ms))]),
            new Series("p95", P95Colour, [.. points.Select(p => Latency(p, p.Total.P95Ms))]),
            new Series("p99", P99Colour, [.. points.Select(p => Latency(p, p.Total.P99Ms))]),
        ], ReportText.Ms));
        Panel(o, "Throughput (requests per second)", Columns("chart-throughput", starts, interval,
            [new Series("requests/s", RequestsColour, [.. points.Select(p => p.Total.Rps)])], ReportText.Number, 200));
        Panel(o, "Failed requests per interval", Columns("chart-errors", starts, interval,
            [new Series("failed", ErrorsColour, [.. points.Select(p => (double)p.Total.Failed)])], v => ReportText.Count((long)v), 170, minStep: 1));

        var scenarios = report.Scenarios.Select(s => s.Name).Concat(points.SelectMany(p => p.Users.Keys)).Distinct(StringComparer.Ordinal).ToArray();
        var users = scenarios.Select((name, i) => new Series(name, ScenarioColours[i % ScenarioColours.Length],
            [.. points.Select(p => (double)p.Users.GetValueOrDefault(name))])).ToList();
        if (scenarios.Length > 1)
            users.Add(new Series("all scenarios", TotalUsersColour, [.. points.Select(p => (double)p.TotalUsers)]));
        Panel(o, "Virtual users (the most running in each interval)", Lines("chart-users", starts, interval, users, v => ReportText.Number(v), 240));
        Panel(o, "Dropped iterations per interval (could not start on time)", Columns("chart-dropped", starts, interval,
            [new Series("dropped", DroppedColour, [.. points.Select(p => (double)p.TotalDropped)])], v => ReportText.Count((long)v), 150, minStep: 1));
    }

    private static void Panel(StringBuilder o, string title, string chart) =>
        o.Append("<div class=\"panel\"><h3>").Append(Escape(title)).Append("</h3>").Append(chart).Append("</div>\n");

    private static void Steps(StringBuilder o, LoadReport report)
    {
        o.Append("<h2>Scenarios and steps</h2>\n<table id=\"steps\"><thead><tr><th>scenario</th><th>step</th><th class=\"n\">requests</th><th class=\"n\">failed</th>")
            .Append("<th class=\"n\">fail %</th><th class=\"n\">rps</th><th class=\"n\">p50</th><th class=\"n\">p95</th><th class=\"n\">p99</th><th class=\"n\">max</th></tr></thead><tbody>");
        foreach (var scenario in report.Scenarios)
        {
            StatsRow(o, "scenario", scenario.Name, "all steps", scenario);
            foreach (var step in scenario.Steps)
                StatsRow(o, null, scenario.Name, step.Name, step);
        }

        StatsRow(o, "total", "all", "", report.Totals);
        o.Append("</tbody></table>\n");
    }

    private static void StatsRow(StringBuilder o, string? css, string scenario, string step, ReportStats s)
    {
        o.Append(css is null ? "<tr>" : $"<tr class=\"{css}\">").Append("<td>").Append(Escape(scenario)).Append("</td><td>").Append(Escape(step)).Append("</td>");
        Number(o, ReportText.Count(s.Requests));
        Number(o, ReportText.Count(s.Failed));
        Number(o, ReportText.Percent(s.FailRate));
        Number(o, ReportText.Rps(s.Rps));
        Number(o, ReportText.Ms(s.LatencyMs.P50));
        Number(o, ReportText.Ms(s.LatencyMs.P95));
        Number(o, ReportText.Ms(s.LatencyMs.P99));
        Number(o, ReportText.Ms(s.LatencyMs.Max));
        o.Append("</tr>");
    }

    private static void Number(StringBuilder o, string text, string? css = null) =>
        o.Append(css is null ? "<td class=\"n\">" : $"<td class=\"n {css}\">").Append(Escape(text)).Append("</td>");

    private static void Load(StringBuilder o, LoadReport report)
    {
        o.Append("<h2>Load</h2>\n<table id=\"load\"><thead><tr><th>scenario</th><th>phases</th><th class=\"n\">iterations</th><th class=\"n\">dropped</th>")
            .Append("<th class=\"n\">peak users</th><th class=\"n\">peak target users</th><th class=\"n\">max scheduling lag</th></tr></thead><tbody>");
        foreach (var s in report.Scenarios)
        {
            o.Append("<tr><td>").Append(Escape(s.Name)).Append("</td><td>").Append(Escape(s.Phases.Count == 0 ? "–" : string.Join(", ", s.Phases))).Append("</td>");
            Number(o, ReportText.Count(s.Iterations));
            Number(o, ReportText.Count(s.Dropped), s.Dropped > 0 ? "worse" : null);
            Number(o, ReportText.Count(s.PeakUsers));
            Number(o, ReportText.Count(s.PeakTargetUsers));
            Number(o, ReportText.Ms(s.MaxSchedulingLagMs));
            o.Append("</tr>");
        }

        o.Append("</tbody></table>\n");
    }

    private static void Failures(StringBuilder o, LoadReport report)
    {
        var t = report.Totals;
        if (t.StatusCodes.Count > 0)
        {
            o.Append("<h2>Status codes</h2>\n<table id=\"status-codes\"><thead><tr><th>status</th><th class=\"n\">requests</th></tr></thead><tbody>");
            foreach (var (code, count) in t.StatusCodes)
            {
                o.Append("<tr><td>").Append(Escape(code == "0" ? "other" : code)).Append("</td>");
                Number(o, ReportText.Count(count));
                o.Append("</tr>");
            }

            o.Append("</tbody></table>\n");
        }

        var reasons = report.Scenarios
            .SelectMany(s => s.Steps.SelectMany(step => step.FailuresByReason.Select(r => (Scope: $"{s.Name}/{step.Name}", Reason: r.Key, Count: r.Value))))
            .OrderByDescending(r => r.Count)
            .ToArray();
        if (reasons.Length > 0)
        {
            o.Append("<h2>Failures</h2>\n<table id=\"failures\"><thead><tr><th>step</th><th>reason</th><th class=\"n\">failed</th></tr></thead><tbody>");
            foreach (var (scope, reason, count) in reasons)
            {
                o.Append("<tr><td>").Append(Escape(scope)).Append("</td><td>").Append(Escape(reason)).Append("</td>");
                Number(o, ReportText.Count(count));
                o.Append("</tr>");
            }

            o.Append("</tbody></table>\n");
        }

        FailureMessages(o, report);
    }

    /// <summary>What the server said when steps failed: each distinct message with its count and when it was first seen.</summary>
    private static void FailureMessages(StringBuilder o, LoadReport report)
    {
        var rows = report.Scenarios
            .SelectMany(s => s.Steps.SelectMany(step =>
                step.FailureMessages.Select(m => (Scope: $"{s.Name}/{step.Name}", m.Reason, m.Count, First: (DateTimeOffset?)m.FirstAt, Text: m.Message))
                    .Concat(step.OtherFailureMessages.Select(other => (Scope: $"{s.Name}/{step.Name}", Reason: other.Key, Count: other.Value,
                        First: (DateTimeOffset?)null, Text: "other messages, not kept (over the limit of distinct messages)")))))
            .OrderBy(r => r.Scope, StringComparer.Ordinal)
            .ThenByDescending(r => r.Count)
            .ToArray();
        if (rows.Length == 0)
            return;
        o.Append("<h3>Failure messages</h3>\n<table id=\"failure-messages\"><thead><tr><th>step</th><th>reason</th><th class=\"n\">failed</th>")
            .Append("<th>first seen</th><th>message</th></tr></thead><tbody>");
        foreach (var (scope, reason, count, first, text) in rows)
        {
            o.Append("<tr><td>").Append(Escape(scope)).Append("</td><td>").Append(Escape(reason)).Append("</td>");
            Number(o, ReportText.Count(count));
            o.Append("<td>").Append(first is { } at ? Escape(ReportText.Time(at)) : "–").Append("</td><td>").Append(Escape(text)).Append("</td></tr>");
        }

        o.Append("</tbody></table>\n");
    }

    private static void Baseline(StringBuilder o, LoadReport report)
    {
        if (report.Baseline is not { } baseline)
            return;
        o.Append("<h2>Compared with the baseline</h2>\n<p class=\"sub\">").Append(Escape(baseline.File)).Append(": ").Append(Escape(baseline.Title))
            .Append(", started ").Append(Escape(ReportText.Time(baseline.StartedAt))).Append(". Positive latency changes are slower.</p>\n");
        o.Append("<table id=\"baseline\"><thead><tr><th>scope</th><th class=\"n\">requests</th><th class=\"n\">baseline</th><th class=\"n\">rps change</th>")
            .Append("<th class=\"n\">p50</th><th class=\"n\">change</th><th class=\"n\">p95</th><th class=\"n\">change</th><th class=\"n\">p99</th><th class=\"n\">change</th>")
            .Append("<th class=\"n\">fail %</th><th class=\"n\">baseline</th></tr></thead><tbody>");
        foreach (var row in baseline.Steps)
        {
            o.Append(row.Scenario is null ? "<tr class=\"total\">" : row.Step is null ? "<tr class=\"scenario\">" : "<tr>")
                .Append("<td>").Append(Escape(row.Scope)).Append("</td>");
            Number(o, ReportText.Count(row.Requests));
            Number(o, row.BaselineRequests is { } b ? ReportText.Count(b) : "–");
            Number(o, ReportText.Change(row.RpsDeltaPercent), Tone(-row.RpsDeltaPercent));
            Number(o, ReportText.Ms(row.P50Ms));
            Number(o, ReportText.Change(row.P50DeltaPercent), Tone(row.P50DeltaPercent));
            Number(o, ReportText.Ms(row.P95Ms));
            Number(o, ReportText.Change(row.P95DeltaPercent), Tone(row.P95DeltaPercent));
            Number(o, ReportText.Ms(row.P99Ms));
            Number(o, ReportText.Change(row.P99DeltaPercent), Tone(row.P99DeltaPercent));
            Number(o, ReportText.Percent(row.FailRate));
            Number(o, row.BaselineFailRate is { } f ? ReportText.Percent(f) : "–");
            o.Append("</tr>");
        }

        o.Append("</tbody></table>\n");
        if (baseline.MissingInCurrent.Count > 0)
            o.Append("<p>In the baseline but not in this run: ").Append(Escape(string.Join(", ", baseline.MissingInCurrent))).Append(".</p>\n");
    }

    // Changes within ±5% are noise on most runs; colour only what a reader should look at.
    private static string? Tone(double? worsePercent) => worsePercent switch
    {
        > 5 => "worse",
        < -5 => "better",
        _ => null,
    };
}
