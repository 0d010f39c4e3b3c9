using System.Text;
using static OdooPerf.Collector.OdooLog.Report.ReportFormat;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>The report as aligned plain text, for a terminal or an e-mail.</summary>
internal static class TextReportWriter
{
    public static string Write(LogReport report)
    {
        var o = new StringBuilder();
        var t = report.Totals;
        var p = report.Period;
        o.Append("Odoo log report (").Append(report.Generator).Append(")\n\n");

        foreach (var input in report.Inputs)
        {
            o.Append("  input    ").Append(Printable(input.Name)).Append(" (")
                .Append(input.Compressed ? "gzip, " : string.Empty)
                .Append(Bytes(input.Bytes)).Append(", ").Append(Count(input.Lines)).Append(" lines")
                .Append(input.Error is null ? string.Empty : "; INCOMPLETE: " + Printable(input.Error)).Append(")\n");
        }

        o.Append("  period   ").Append(Time(p.First, true)).Append(" to ").Append(Time(p.Last, true))
            .Append(" (").Append(Duration(p.SpanSeconds)).Append(')');
        if (p.Since is not null || p.Until is not null)
        {
            o.Append("; asked for ").Append(p.Since is null ? "the start" : Time(p.Since)).Append(" to ").Append(p.Until is null ? "the end" : Time(p.Until))
                .Append(", ").Append(Count(t.OutsideTimeRange)).Append(" entries outside");
        }

        o.Append("\n\n");
        Section(o, "Summary");
        var summary = new TextTable(("", false, 0), ("", false, 0));
        summary.Add("requests", $"{Count(t.Requests)} ({Number(t.RequestsPerSecond, 2)}/s over the period; {Count(t.TimedRequests)} with timings)");
        summary.Add("errors", $"{Count(t.Errors)} ({Percent(t.ErrorRate)}): {Count(t.ServerErrors)} 5xx, {Count(t.RequestTracebacks)} request tracebacks");
        var all = report.Overall;
        summary.Add("latency", $"p50 {Duration(all.P50Seconds)}, p95 {Duration(all.P95Seconds)}, p99 {Duration(all.P99Seconds)}, max {Duration(all.MaxSeconds)}, mean {Duration(all.MeanSeconds)}");
        summary.Add("request time", $"{Duration(t.RequestSeconds)}, of which SQL {Duration(t.SqlSeconds)} ({Percent(t.RequestSeconds > 0 ? t.SqlSeconds / t.RequestSeconds : 0)}) in {Count(t.SqlQueries)} queries");
        summary.Add("log entries", $"{Count(t.Entries)}: {Count(t.WarningEntries)} warnings, {Count(t.ErrorEntries)} errors, {Count(t.CriticalEntries)} critical, {Count(t.Tracebacks)} tracebacks");
        summary.Add("lines", $"{Count(t.Lines)} read, {Count(t.UnparsedLines)} not Odoo lines");
        var w = report.Workers;
        summary.Add("worker limits", $"memory soft {Count(w.Limits.MemorySoft)}, memory hard {Count(w.Limits.MemoryHard)}, CPU {Count(w.Limits.Cpu)}, real time {Count(w.Limits.Real)}; recycled at request limit {Count(w.Limits.RequestLimit)}; {Count(w.Started)} started, {Count(w.Exited)} exited");
        summary.Add("cron", $"{Count(report.Crons.Sum(c => c.Done))} runs done, {Count(report.Crons.Sum(c => c.Failed))} failed, {report.Crons.Count} jobs");
        summary.Add("logins", $"{Count(report.Logins.Failed)} failed, {Count(report.Logins.Succeeded)} succeeded");
        summary.Add("SQL retries", $"{Count(t.SerializationRetries)} serialization/lock retries");
        if (t.RegistryLoads > 0)
        {
            summary.Add("registry loads", $"{Count(t.RegistryLoads)}, longest {Duration(t.RegistryLoadMaxSeconds)}");
        }

        summary.WriteTo(o);
        o.Append('\n');

        if (report.Notes.Count > 0)
        {
            Section(o, "Notes");
            foreach (var note in report.Notes)
            {
                o.Append("  - ").Append(Printable(note)).Append('\n');
            }

            o.Append('\n');
        }

        var top = report.Top;
        StatsSection(o, "Route groups by total time", report.Routes, "route", int.MaxValue);
        StatsSection(o, "Most expensive models and methods (total time)", report.ModelMethods, "model.method", top);
        StatsSection(o, "Slowest models and methods (p95)", Slowest(report.ModelMethods), "model.method", top);
        StatsSection(o, "Most expensive paths (total time; ids, slugs and hashes folded; RPC calls are under models and methods)", report.Paths, "path", top);
        StatsSection(o, "Slowest paths (p95)", Slowest(report.Paths), "path", top);
        Requests(o, "Requests with the most SQL queries (N+1 candidates)", report.MostSqlQueries);
        Requests(o, "Slowest requests", report.SlowestRequests);

        Section(o, "Status codes");
        var statuses = new TextTable(("status", true, 0), ("requests", true, 0), ("share", true, 0));
        foreach (var status in report.StatusCodes)
        {
            statuses.Add(status.Status == 0 ? "other" : status.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), Count(status.Count), Percent(t.Requests > 0 ? (double)status.Count / t.Requests : 0));
        }

        Table(o, statuses);

        Section(o, $"Timeline (per {report.Timeline.Interval})");
        var timeline = new TextTable(("start", false, 0), ("requests", true, 0), ("req/s", true, 0), ("errors", true, 0), ("p50", true, 0), ("p95", true, 0), ("p99", true, 0), ("max", true, 0), ("worker limits", true, 0), ("tracebacks", true, 0), ("cron failed", true, 0), ("login failed", true, 0));
        foreach (var b in report.Timeline.Buckets)
        {
            timeline.Add(BucketStart(b.Start, report.Timeline.IntervalSeconds), Count(b.Requests), Number(b.RequestsPerSecond, 2), Count(b.Errors), Timed(b, b.P50Seconds), Timed(b, b.P95Seconds), Timed(b, b.P99Seconds), Timed(b, b.MaxSeconds), Count(b.WorkerLimits.Total), Count(b.Tracebacks), Count(b.CronFailures), Count(b.LoginFailures));
        }

        Table(o, timeline);

        Section(o, "Worker limit events");
        var workers = new TextTable(("event", false, 0), ("count", true, 0), ("first interval", false, 0), ("last interval", false, 0));
        for (var i = 0; i < WorkerEvent.Count; i++)
        {
            var buckets = report.Timeline.Buckets.Where(b => b.WorkerLimits[i] > 0).ToList();
            workers.Add(WorkerEvent.Labels[i], Count(w.Limits[i]), buckets.Count == 0 ? "-" : BucketStart(buckets[0].Start, report.Timeline.IntervalSeconds), buckets.Count == 0 ? "-" : BucketStart(buckets[^1].Start, report.Timeline.IntervalSeconds));
        }

        Table(o, workers);

        Section(o, "Cron jobs (by total time)");
        var crons = new TextTable(("job", false, 60), ("started", true, 0), ("done", true, 0), ("failed", true, 0), ("total", true, 0), ("mean", true, 0), ("worst", true, 0), ("last seen", false, 0));
        foreach (var c in report.Crons.Take(top))
        {
            crons.Add(c.Job, Count(c.Started), Count(c.Done), Count(c.Failed), Duration(c.TotalSeconds), Duration(c.MeanSeconds), Duration(c.MaxSeconds), Time(c.LastSeen));
        }

        Table(o, crons);

        Section(o, "Login failures by hour");
        var logins = new TextTable(("hour", false, 0), ("failures", true, 0));
        var hours = report.Logins.FailedByHour;
        var shown = hours.Count <= 48 ? hours : [.. hours.OrderByDescending(h => h.Count).ThenBy(h => h.Hour).Take(top).OrderBy(h => h.Hour)];
        foreach (var hour in shown)
        {
            logins.Add(hour.Hour.ToString("yyyy-MM-dd HH:00", System.Globalization.CultureInfo.InvariantCulture), Count(hour.Count));
        }

        if (shown.Count < hours.Count)
        {
            o.Append("  (the ").Append(shown.Count).Append(" busiest of ").Append(hours.Count).Append(" hours)\n");
        }

        Table(o, logins);

        Section(o, "Tracebacks (by exception type and innermost frame)");
        var tracebacks = new TextTable(("count", true, 0), ("exception", false, 50), ("first seen", false, 0), ("last seen", false, 0), ("logger", false, 40), ("raised at", false, 110));
        foreach (var tb in report.Tracebacks.Take(top))
        {
            tracebacks.Add(Count(tb.Count), tb.ExceptionType, Time(tb.FirstSeen), Time(tb.LastSeen), tb.Logger, tb.Frame);
        }

        Table(o, tracebacks);
        return o.ToString();
    }

    /// <summary>Rows with timings, slowest p95 first (ties: the higher maximum); the <c>other</c> row is left out.</summary>
    internal static IReadOnlyList<RequestStatsRow> Slowest(IReadOnlyList<RequestStatsRow> rows) =>
        [.. rows.Where(r => r.Timed > 0 && !r.IsOther).OrderByDescending(r => r.P95Seconds).ThenByDescending(r => r.MaxSeconds).ThenBy(r => r.Label, StringComparer.Ordinal)];

    private static string Timed(TimelineRow bucket, double seconds) => bucket.Timed == 0 ? "-" : Duration(seconds);

    private static void Section(StringBuilder o, string title) => o.Append(title).Append('\n');

    private static void Table(StringBuilder o, TextTable table)
    {
        if (table.Count == 0)
        {
            o.Append("  (none)\n\n");
            return;
        }

        table.WriteTo(o);
        o.Append('\n');
    }

    private static void StatsSection(StringBuilder o, string title, IReadOnlyList<RequestStatsRow> rows, string keyHeader, int top)
    {
        Section(o, title);
        var table = new TextTable((keyHeader, false, 70), ("requests", true, 0), ("errors", true, 0), ("total", true, 0), ("share", true, 0), ("mean", true, 0), ("p50", true, 0), ("p95", true, 0), ("p99", true, 0), ("max", true, 0), ("SQL q/call", true, 0), ("SQL/call", true, 0));
        foreach (var r in rows.Take(top))
        {
            table.Add(r.Label, Count(r.Count), Count(r.Errors), Duration(r.TotalSeconds), Percent(r.ShareOfTime), Duration(r.MeanSeconds), Duration(r.P50Seconds), Duration(r.P95Seconds), Duration(r.P99Seconds), Duration(r.MaxSeconds), Number(r.SqlQueriesPerCall), Duration(r.SqlSecondsPerCall));
        }

        Table(o, table);
    }

    private static void Requests(StringBuilder o, string title, IReadOnlyList<RequestSample> requests)
    {
        Section(o, title);
        var table = new TextTable(("time", false, 0), ("SQL queries", true, 0), ("SQL time", true, 0), ("duration", true, 0), ("status", true, 0), ("pid", true, 0), ("database", false, 20), ("request", false, 100));
        foreach (var r in requests)
        {
            table.Add(Time(r.Timestamp, true), Count(r.SqlQueries), Duration(r.SqlSeconds), Duration(r.Seconds), r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Database, $"{r.Method} {r.Path}");
        }

        Table(o, table);
    }
}
