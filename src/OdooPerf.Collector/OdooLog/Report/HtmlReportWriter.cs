using System.Globalization;
using System.Text;
using static OdooPerf.Collector.OdooLog.Report.ReportFormat;
using OdooPerf.Reporting;
using static OdooPerf.Reporting.SvgChart;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// The report as one self-contained HTML page: inline CSS, inline SVG charts, no script, no font or
/// resource from elsewhere (it opens the same from an e-mail attachment on a machine without network).
/// Every text from the log goes through <see cref="OdooPerf.Reporting.SvgChart.Escape"/>.
/// </summary>
internal static class HtmlReportWriter
{
    private const string Style = ReportStyle.Base + "\n" + """
        .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; }
        td.k { word-break: break-all; }
        tr:nth-child(even) td { background: #fafbfc; }
        ul.notes li { margin: 2px 0; }
        details summary { cursor: pointer; color: #345; margin: 6px 0; }
        """;

    public static string Write(LogReport report)
    {
        var o = new StringBuilder(256 * 1024);
        var p = report.Period;
        o.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Odoo log report ").Append(Escape(Time(p.First))).Append(" to ").Append(Escape(Time(p.Last))).Append("</title><style>").Append(Style).Append("</style></head><body><main>\n");
        o.Append("<h1>Odoo log report</h1><p class=\"sub\">").Append(Escape(Time(p.First, true))).Append(" to ").Append(Escape(Time(p.Last, true)))
            .Append(" (").Append(Escape(Duration(p.SpanSeconds))).Append(", server local time) &middot; ")
            .Append(Escape(string.Join(", ", report.Inputs.Select(i => i.Name)))).Append(" &middot; ").Append(Escape(report.Generator)).Append("</p>\n");

        Cards(o, report);
        if (report.Notes.Count > 0)
        {
            o.Append("<h2>Notes</h2><ul class=\"notes\">");
            foreach (var note in report.Notes)
            {
                o.Append("<li>").Append(Escape(note)).Append("</li>");
            }

            o.Append("</ul>\n");
        }

        TimeCharts(o, report);
        RankedCharts(o, report);
        Tables(o, report);
        o.Append("</main></body></html>\n");
        return o.ToString();
    }

    private static void Cards(StringBuilder o, LogReport report)
    {
        var t = report.Totals;
        var w = report.Workers.Limits;
        o.Append("<div class=\"cards\">");
        Card(o, Count(t.Requests), $"requests ({Number(t.RequestsPerSecond, 2)}/s)", false);
        Card(o, Percent(t.ErrorRate), $"errors: {Count(t.Errors)}", t.ErrorRate >= 0.01);
        Card(o, Duration(report.Overall.P95Seconds), $"p95 latency (p50 {Duration(report.Overall.P50Seconds)})", report.Overall.P95Seconds >= 3);
        Card(o, Duration(report.Overall.P99Seconds), $"p99 latency (max {Duration(report.Overall.MaxSeconds)})", false);
        Card(o, Count(w.MemoryHard + w.Cpu + w.Real + w.MemorySoft), "worker limit events", w.MemoryHard + w.Cpu + w.Real > 0);
        Card(o, Count(t.Tracebacks), $"tracebacks; {Count(report.Logins.Failed)} failed logins", false);
        o.Append("</div>\n");
    }

    private static void Card(StringBuilder o, string value, string key, bool bad) =>
        o.Append("<div class=\"card").Append(bad ? " bad" : string.Empty).Append("\"><div class=\"v\">").Append(Escape(value)).Append("</div><div class=\"k\">").Append(Escape(key)).Append("</div></div>");

    private static void TimeCharts(StringBuilder o, LogReport report)
    {
        var timeline = report.Timeline;
        var buckets = timeline.Buckets;
        o.Append("<h2>Over time (per ").Append(Escape(timeline.Interval)).Append(")</h2>\n");
        if (buckets.Count == 0)
        {
            o.Append("<p class=\"empty\">No dated entries.</p>\n");
            return;
        }

        var starts = buckets.Select(b => b.Start).ToList();
        double Latency(TimelineRow b, double seconds) => b.Timed == 0 ? double.NaN : seconds;
        Panel(o, "Latency percentiles", Lines("chart-latency", starts, timeline.IntervalSeconds,
        [
            new Series("p50", ChartPalette.LatencyP50, [.. buckets.Select(b => Latency(b, b.P50Seconds))]),
            new Series("p95", ChartPalette.LatencyP95, [.. buckets.Select(b => Latency(b, b.P95Seconds))]),
            new Series("p99", ChartPalette.LatencyP99, [.. buckets.Select(b => Latency(b, b.P99Seconds))]),
        ], Duration));
        Panel(o, "Requests per second", Columns("chart-requests", starts, timeline.IntervalSeconds,
            [new Series("requests/s", ChartPalette.Requests, [.. buckets.Select(b => b.RequestsPerSecond)])], v => Number(v, v < 10 ? 1 : 0), 200));
        Panel(o, $"Errors per {timeline.Interval} (5xx and request tracebacks)", Columns("chart-errors", starts, timeline.IntervalSeconds,
            [new Series("errors", ChartPalette.Errors, [.. buckets.Select(b => (double)b.Errors)])], v => Count((long)v), 170, minStep: 1));
        if (report.Workers.Limits.Total > 0)
        {
            var series = Enumerable.Range(0, WorkerEvent.Count)
                .Where(i => report.Workers.Limits[i] > 0)
                .Select(i => new Series(WorkerEvent.Labels[i], ChartPalette.WorkerEvents[i], [.. buckets.Select(b => (double)b.WorkerLimits[i])]))
                .ToList();
            Panel(o, $"Worker limit events per {timeline.Interval}", Columns("chart-workers", starts, timeline.IntervalSeconds, series, v => Count((long)v), 190, minStep: 1));
        }

        var hours = report.Logins.FailedByHour;
        if (hours.Count > 0)
        {
            Panel(o, "Login failures per hour", Columns("chart-logins", [.. hours.Select(h => h.Hour)], 3600,
                [new Series("login failures", ChartPalette.LoginFailures, [.. hours.Select(h => (double)h.Count)])], v => Count((long)v), 170, minStep: 1));
        }
    }

    private static void RankedCharts(StringBuilder o, LogReport report)
    {
        var top = report.Top;
        o.Append("<h2>Where the time goes</h2>\n");
        Panel(o, "Route groups by total time (bus aside: it waits on purpose)", Bars("chart-routes", [.. report.Routes.Where(r => r.Name != LogReportBuilder.BusLabel).Take(top).Select(TimeBar)], ChartPalette.Routes));
        Panel(o, $"Top {top} models and methods by total time", Bars("chart-models", [.. report.ModelMethods.Take(top).Select(TimeBar)], ChartPalette.ModelMethods), report.ModelMethods.Count == 0);
        Panel(o, $"Top {top} paths by total time (ids, slugs and hashes folded; RPC calls are under models and methods)", Bars("chart-paths", [.. report.Paths.Take(top).Select(TimeBar)], ChartPalette.Paths), report.Paths.Count == 0);
        var crons = report.Crons.Take(top).ToList();
        Panel(o, "Cron jobs by total time", Bars("chart-crons", [.. crons.Select(c => new Bar(c.Job, c.TotalSeconds,
            $"{Duration(c.TotalSeconds)} total, worst {Duration(c.MaxSeconds)}, {Count(c.Done)} done{(c.Failed > 0 ? $", {Count(c.Failed)} FAILED" : string.Empty)}",
            $"{c.Job}: {Count(c.Done)} done, {Count(c.Failed)} failed, mean {Duration(c.MeanSeconds)}"))], ChartPalette.Crons), crons.Count == 0);
        var tracebacks = report.Tracebacks.Take(top).ToList();
        Panel(o, "Tracebacks by exception and place", Bars("chart-tracebacks", [.. tracebacks.Select(tb => new Bar(
            tb.ExceptionType, tb.Count, $"{Count(tb.Count)} ({Time(tb.FirstSeen)} to {Time(tb.LastSeen)})", $"{tb.ExceptionType} at {tb.Frame} ({tb.Logger})"))], ChartPalette.Tracebacks), tracebacks.Count == 0);
        Panel(o, "Status codes", Bars("chart-status", [.. report.StatusCodes.OrderByDescending(s => s.Count).Select(s => new Bar(
            s.Status == 0 ? "other" : s.Status.ToString(CultureInfo.InvariantCulture), s.Count, Count(s.Count), $"{s.Status}: {Count(s.Count)} requests"))], ChartPalette.StatusCodes, 1180, 120), report.StatusCodes.Count == 0);
    }

    private static Bar TimeBar(RequestStatsRow row) => new(
        row.Label,
        row.TotalSeconds,
        $"{Duration(row.TotalSeconds)} ({Percent(row.ShareOfTime)}) · {Count(row.Count)} req · p95 {Duration(row.P95Seconds)}",
        $"{row.Label}: {Count(row.Count)} requests, {Count(row.Errors)} errors, mean {Duration(row.MeanSeconds)}, p50 {Duration(row.P50Seconds)}, p95 {Duration(row.P95Seconds)}, p99 {Duration(row.P99Seconds)}, max {Duration(row.MaxSeconds)}, {Number(row.SqlQueriesPerCall)} SQL queries/call");

    private static void Panel(StringBuilder o, string title, string chart, bool empty = false)
    {
        o.Append("<div class=\"panel\"><h3>").Append(Escape(title)).Append("</h3>");
        o.Append(empty ? "<p class=\"empty\">None.</p>" : chart);
        o.Append("</div>\n");
    }

    private static void Tables(StringBuilder o, LogReport report)
    {
        var top = report.Top;
        var t = report.Totals;
        o.Append("<h2>Summary</h2>");
        var summary = new HtmlTable("figure", "value");
        summary.Row("requests", $"{Count(t.Requests)} ({Count(t.TimedRequests)} with timings)");
        summary.Row("errors", $"{Count(t.Errors)} ({Percent(t.ErrorRate)}): {Count(t.ServerErrors)} 5xx, {Count(t.RequestTracebacks)} request tracebacks");
        summary.Row("request time", $"{Duration(t.RequestSeconds)}, SQL {Duration(t.SqlSeconds)} in {Count(t.SqlQueries)} queries");
        summary.Row("log entries", $"{Count(t.Entries)}: {Count(t.WarningEntries)} warnings, {Count(t.ErrorEntries)} errors, {Count(t.CriticalEntries)} critical; {Count(t.OutsideTimeRange)} outside --since/--until");
        summary.Row("lines", $"{Count(t.Lines)} read, {Count(t.UnparsedLines)} not Odoo lines");
        summary.Row("workers", $"{Count(report.Workers.Started)} started, {Count(report.Workers.Exited)} exited");
        summary.Row("logins", $"{Count(report.Logins.Failed)} failed, {Count(report.Logins.Succeeded)} succeeded");
        summary.Row("SQL retries", Count(t.SerializationRetries));
        summary.Row("registry loads", $"{Count(t.RegistryLoads)}, longest {Duration(t.RegistryLoadMaxSeconds)}");
        foreach (var input in report.Inputs)
        {
            summary.Row("input", $"{input.Name}{(input.Compressed ? " (gzip)" : string.Empty)}: {Bytes(input.Bytes)}, {Count(input.Lines)} lines{(input.Error is null ? string.Empty : $"; INCOMPLETE: {input.Error}")}");
        }

        summary.WriteTo(o);

        StatsTable(o, "Route groups", report.Routes, "route", int.MaxValue);
        StatsTable(o, "Most expensive models and methods", report.ModelMethods, "model.method", top);
        StatsTable(o, "Slowest models and methods (p95)", TextReportWriter.Slowest(report.ModelMethods), "model.method", top);
        StatsTable(o, "Most expensive paths", report.Paths, "path", top);
        StatsTable(o, "Slowest paths (p95)", TextReportWriter.Slowest(report.Paths), "path", top);
        SampleTable(o, "Requests with the most SQL queries (N+1 candidates)", report.MostSqlQueries);
        SampleTable(o, "Slowest requests", report.SlowestRequests);

        o.Append("<h2>Cron jobs</h2>");
        var crons = new HtmlTable("job", "#started", "#done", "#failed", "#total", "#mean", "#worst", "last seen");
        foreach (var c in report.Crons.Take(top))
        {
            crons.Row(c.Job, Count(c.Started), Count(c.Done), Count(c.Failed), Duration(c.TotalSeconds), Duration(c.MeanSeconds), Duration(c.MaxSeconds), Time(c.LastSeen));
        }

        crons.WriteTo(o);

        o.Append("<h2>Tracebacks</h2>");
        var tracebacks = new HtmlTable("#count", "exception", "raised at", "logger", "first seen", "last seen");
        foreach (var tb in report.Tracebacks.Take(top))
        {
            tracebacks.Row(Count(tb.Count), tb.ExceptionType, tb.Frame, tb.Logger, Time(tb.FirstSeen), Time(tb.LastSeen));
        }

        tracebacks.WriteTo(o);

        o.Append("<h2>Worker limit events</h2>");
        var workers = new HtmlTable("event", "#count");
        for (var i = 0; i < WorkerEvent.Count; i++)
        {
            workers.Row(WorkerEvent.Labels[i], Count(report.Workers.Limits[i]));
        }

        workers.WriteTo(o);

        o.Append("<h2>Timeline</h2><details><summary>").Append(report.Timeline.Buckets.Count).Append(" rows per ").Append(Escape(report.Timeline.Interval)).Append("</summary>");
        var timeline = new HtmlTable("start", "#requests", "#req/s", "#errors", "#p50", "#p95", "#p99", "#max", "#worker limits", "#tracebacks", "#cron failed", "#login failed");
        foreach (var b in report.Timeline.Buckets)
        {
            timeline.Row(BucketStart(b.Start, report.Timeline.IntervalSeconds), Count(b.Requests), Number(b.RequestsPerSecond, 2), Count(b.Errors), Duration(b.P50Seconds), Duration(b.P95Seconds), Duration(b.P99Seconds), Duration(b.MaxSeconds), Count(b.WorkerLimits.Total), Count(b.Tracebacks), Count(b.CronFailures), Count(b.LoginFailures));
        }

        timeline.WriteTo(o);
        o.Append("</details>\n");
    }

    private static void StatsTable(StringBuilder o, string title, IReadOnlyList<RequestStatsRow> rows, string key, int top)
    {
        o.Append("<h2>").Append(Escape(title)).Append("</h2>");
        var table = new HtmlTable(key, "#requests", "#errors", "#total", "#share", "#mean", "#p50", "#p95", "#p99", "#max", "#SQL q/call", "#SQL/call");
        foreach (var r in rows.Take(top))
        {
            table.Row(r.Label, Count(r.Count), Count(r.Errors), Duration(r.TotalSeconds), Percent(r.ShareOfTime), Duration(r.MeanSeconds), Duration(r.P50Seconds), Duration(r.P95Seconds), Duration(r.P99Seconds), Duration(r.MaxSeconds), Number(r.SqlQueriesPerCall), Duration(r.SqlSecondsPerCall));
        }

        table.WriteTo(o);
    }

    private static void SampleTable(StringBuilder o, string title, IReadOnlyList<RequestSample> samples)
    {
        o.Append("<h2>").Append(Escape(title)).Append("</h2>");
        var table = new HtmlTable("time", "#SQL queries", "#SQL time", "#duration", "#status", "database", "request");
        foreach (var s in samples)
        {
            table.Row(Time(s.Timestamp, true), Count(s.SqlQueries), Duration(s.SqlSeconds), Duration(s.Seconds), s.Status.ToString(CultureInfo.InvariantCulture), s.Database, $"{s.Method} {s.Path}");
        }

        table.WriteTo(o);
    }

    /// <summary>A table whose headers starting with <c>#</c> are numeric (right-aligned); every cell is escaped.</summary>
    private sealed class HtmlTable(params string[] headers)
    {
        private readonly List<string[]> _rows = [];

        public void Row(params string[] cells) => _rows.Add(cells);

        public void WriteTo(StringBuilder o)
        {
            if (_rows.Count == 0)
            {
                o.Append("<p class=\"empty\">None.</p>\n");
                return;
            }

            o.Append("<table><thead><tr>");
            foreach (var header in headers)
            {
                o.Append(header.StartsWith('#') ? "<th class=\"n\">" : "<th>").Append(Escape(header.TrimStart('#'))).Append("</th>");
            }

            o.Append("</tr></thead><tbody>");
            foreach (var row in _rows)
            {
                o.Append("<tr>");
                for (var i = 0; i < headers.Length; i++)
                {
                    o.Append(headers[i].StartsWith('#') ? "<td class=\"n\">" : i == 0 ? "<td class=\"k\">" : "<td>").Append(Escape(i < row.Length ? row[i] : string.Empty)).Append("</td>");
                }

                o.Append("</tr>");
            }

            o.Append("</tbody></table>\n");
        }
    }
}
