using System.Globalization;
using OdooPerf.Odoo.Logs;
using OdooPerf.Odoo.Routes;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>Turns what the aggregator kept into the <see cref="LogReport"/> the writers show.</summary>
internal static class LogReportBuilder
{
    /// <summary>The route group whose requests wait on purpose (long polling, websockets): ranked last, its time apart.</summary>
    public static readonly string BusLabel = OdooRouteClassifier.Label(OdooRouteGroup.Bus);

    public static LogReport Build(LogReportAggregator aggregator, IReadOnlyList<LogReportInput> inputs, long lines, string generator, DateTime generatedAtUtc)
    {
        var settings = aggregator.Settings;
        var period = new ReportPeriod(settings.Since, settings.Until, aggregator.First, aggregator.Last);
        var requests = aggregator.AllRequests();
        var totalSeconds = requests.TotalSeconds;
        var errors = requests.Errors + aggregator.UnmatchedRequestTracebacks;
        var unparsed = aggregator.UnparsedByReason;
        var totals = new ReportTotals
        {
            Lines = lines,
            Entries = aggregator.Entries,
            OutsideTimeRange = aggregator.OutsideTimeRange,
            UnparsedLines = unparsed.Sum(),
            UnparsedForeign = unparsed[(int)OdooLogUnparsedReason.Foreign],
            UnparsedMalformed = unparsed[(int)OdooLogUnparsedReason.Malformed],
            UnparsedTooLong = unparsed[(int)OdooLogUnparsedReason.TooLong],
            UnparsedBinary = unparsed[(int)OdooLogUnparsedReason.Binary],
            Requests = requests.Count,
            TimedRequests = requests.Count - aggregator.UntimedRequests,
            Errors = errors,
            ServerErrors = aggregator.ServerErrors,
            RequestTracebacks = aggregator.RequestTracebacks,
            ErrorRate = requests.Count == 0 ? 0 : (double)errors / requests.Count,
            RequestsPerSecond = period.SpanSeconds > 0 ? requests.Count / period.SpanSeconds : 0,
            RequestSeconds = totalSeconds,
            SqlQueries = requests.SqlQueries,
            SqlSeconds = requests.SqlSeconds,
            WarningEntries = aggregator.EntriesByLevel[(int)OdooLogLevel.Warning],
            ErrorEntries = aggregator.EntriesByLevel[(int)OdooLogLevel.Error],
            CriticalEntries = aggregator.EntriesByLevel[(int)OdooLogLevel.Critical],
            Tracebacks = aggregator.TracebackEntries,
            SerializationRetries = aggregator.SerializationRetries,
            RegistryLoads = aggregator.RegistryLoads,
            RegistryLoadMaxSeconds = aggregator.RegistryLoadMaxSeconds,
        };

        var routes = Enum.GetValues<OdooRouteGroup>()
            .Select(g => Row(OdooRouteClassifier.Label(g), null, null, false, aggregator.RouteGroups[(int)g], g == OdooRouteGroup.Bus ? 0 : totalSeconds))
            .Where(r => r.Count > 0);
        var models = aggregator.ModelMethods.Entries
            .Select(e => Row(e.Value.Name, e.Value.Model, e.Value.Name, false, e.Value.Requests, totalSeconds))
            .Append(Row("other", null, null, true, aggregator.ModelMethods.Other.Requests, totalSeconds))
            .Where(r => r.Count > 0);
        var paths = aggregator.Paths.Entries
            .Select(e => Row(e.Value.Name, null, null, false, e.Value.Requests, totalSeconds))
            .Append(Row("other", null, null, true, aggregator.Paths.Other.Requests, totalSeconds))
            .Where(r => r.Count > 0);

        var interval = aggregator.Timeline.Interval;
        var intervalSeconds = interval.Width().TotalSeconds;
        var timeline = new ReportTimeline(
            interval.Name(),
            intervalSeconds,
            aggregator.Timeline.Requested.Name(),
            aggregator.Timeline.Widened,
            WithoutGaps(aggregator.Timeline.Buckets(), interval.Width(), intervalSeconds));

        var crons = aggregator.Crons.Entries.Select(e => Cron(e.Value, false))
            .Append(Cron(aggregator.Crons.Other, true))
            .Where(c => c.Started + c.Done + c.Failed > 0)
            .OrderByDescending(c => c.TotalSeconds).ThenByDescending(c => c.Failed).ThenBy(c => c.Job, StringComparer.Ordinal);

        var tracebacks = aggregator.Tracebacks.Entries.Select(e => Traceback(e.Value, false))
            .Append(Traceback(aggregator.Tracebacks.Other, true))
            .Where(t => t.Count > 0)
            .OrderByDescending(t => t.Count).ThenBy(t => t.ExceptionType, StringComparer.Ordinal).ThenBy(t => t.Frame, StringComparer.Ordinal);

        var logins = new LoginSummary(
            aggregator.LoginsFailed,
            aggregator.LoginsSucceeded,
            [.. aggregator.LoginFailuresByHour.OrderBy(h => h.Key).Select(h => new HourCount(new DateTime(h.Key * TimeSpan.TicksPerHour), h.Value))]);

        var statusCodes = aggregator.StatusCodes
            .Select((count, status) => new StatusCount(status, count))
            .Where(s => s.Count > 0);

        return new LogReport
        {
            Generator = generator,
            GeneratedAtUtc = generatedAtUtc,
            Inputs = inputs,
            Period = period,
            Totals = totals,
            Overall = Row("all", null, null, false, requests, totalSeconds),
            Routes = [.. routes.OrderBy(r => r.Name == BusLabel).ThenByDescending(r => r.TotalSeconds).ThenByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal)],
            ModelMethods = [.. Rank(models)],
            Paths = [.. Rank(paths)],
            StatusCodes = [.. statusCodes],
            SlowestRequests = aggregator.Slowest.Descending(),
            MostSqlQueries = aggregator.MostSqlQueries.Descending(),
            Timeline = timeline,
            Workers = new WorkerSummary(WorkerCounts.From(aggregator.WorkerEvents), aggregator.WorkersStarted, aggregator.WorkersExited),
            Crons = [.. crons],
            Logins = logins,
            Tracebacks = [.. tracebacks],
            Top = settings.Top,
            Notes = Notes(aggregator, inputs, totals),
        };
    }

    /// <summary>Most total time first; the <c>other</c> row last, whatever its time.</summary>
    private static IEnumerable<RequestStatsRow> Rank(IEnumerable<RequestStatsRow> rows) => rows
        .OrderBy(r => r.IsOther)
        .ThenByDescending(r => r.TotalSeconds)
        .ThenByDescending(r => r.Count)
        .ThenBy(r => r.Label, StringComparer.Ordinal);

    private static RequestStatsRow Row(string name, string? model, string? method, bool isOther, RequestStats stats, double allSeconds)
    {
        var timed = stats.Timed;
        var durations = stats.Durations;
        return new RequestStatsRow
        {
            Name = model is null ? name : $"{model}.{method}",
            Model = model,
            Method = method,
            IsOther = isOther,
            Count = stats.Count,
            Errors = stats.Errors,
            Timed = timed,
            TotalSeconds = Round(stats.TotalSeconds),
            MeanSeconds = timed == 0 ? 0 : Round(stats.TotalSeconds / timed),
            P50Seconds = durations.Percentile(50) / 1000.0,
            P95Seconds = durations.Percentile(95) / 1000.0,
            P99Seconds = durations.Percentile(99) / 1000.0,
            MaxSeconds = durations.MaxMilliseconds / 1000.0,
            SqlQueriesPerCall = timed == 0 ? 0 : Math.Round((double)stats.SqlQueries / timed, 2),
            SqlSecondsPerCall = timed == 0 ? 0 : Round(stats.SqlSeconds / timed),
            ShareOfTime = allSeconds > 0 ? Math.Round(stats.TotalSeconds / allSeconds, 4) : 0,
        };
    }

    /// <summary>
    /// Every bucket from the first to the last, empty ones included: a quiet hour (an outage) must show as a
    /// row of zeros, not vanish. The timeline's cap bounds the count.
    /// </summary>
    private static List<TimelineRow> WithoutGaps(IEnumerable<(DateTime Start, TimelineBucket Bucket)> buckets, TimeSpan width, double intervalSeconds)
    {
        var rows = new List<TimelineRow>();
        var empty = new TimelineBucket();
        DateTime? next = null;
        foreach (var (start, bucket) in buckets)
        {
            for (var gap = next; gap is { } g && g < start; gap = g + width)
            {
                rows.Add(TimelineRow(g, empty, intervalSeconds));
            }

            rows.Add(TimelineRow(start, bucket, intervalSeconds));
            next = start + width;
        }

        return rows;
    }

    private static TimelineRow TimelineRow(DateTime start, TimelineBucket bucket, double intervalSeconds)
    {
        var requests = bucket.Requests;
        return new TimelineRow
        {
            Start = start,
            Requests = requests.Count,
            RequestsPerSecond = Math.Round(requests.Count / intervalSeconds, 3),
            Errors = requests.Errors,
            Timed = requests.Timed,
            P50Seconds = requests.Durations.Percentile(50) / 1000.0,
            P95Seconds = requests.Durations.Percentile(95) / 1000.0,
            P99Seconds = requests.Durations.Percentile(99) / 1000.0,
            MaxSeconds = requests.Durations.MaxMilliseconds / 1000.0,
            WorkerLimits = WorkerCounts.From(bucket.WorkerEvents),
            Tracebacks = bucket.Tracebacks,
            CronFailures = bucket.CronFailures,
            LoginFailures = bucket.LoginFailures,
        };
    }

    private static CronRow Cron(CronStats stats, bool isOther) => new(
        isOther ? "other" : stats.Job,
        isOther,
        stats.Started,
        stats.Done,
        stats.Failed,
        stats.TimedRuns,
        Round(stats.TotalSeconds),
        stats.TimedRuns == 0 ? 0 : Round(stats.TotalSeconds / stats.TimedRuns),
        Round(stats.MaxSeconds),
        stats.LastSeen == default ? null : stats.LastSeen);

    private static TracebackRow Traceback(TracebackStats stats, bool isOther) => new(
        isOther ? "other" : stats.ExceptionType,
        isOther ? string.Empty : stats.Frame,
        isOther ? string.Empty : stats.Logger,
        isOther,
        stats.Count,
        stats.Count == 0 || stats.FirstSeen == default ? null : stats.FirstSeen,
        stats.Count == 0 || stats.LastSeen == default ? null : stats.LastSeen);

    private static double Round(double seconds) => Math.Round(seconds, 3);

    private static List<string> Notes(LogReportAggregator aggregator, IReadOnlyList<LogReportInput> inputs, ReportTotals totals)
    {
        var notes = new List<string>();
        foreach (var input in inputs.Where(i => i.Error is not null))
        {
            notes.Add($"{input.Name}: {input.Error}; the report covers only what was read before.");
        }

        if (totals.Entries > 0 && totals.Requests == 0)
        {
            notes.Add("No werkzeug request lines: Odoo runs with --log-level above info or --log-handler=werkzeug:WARNING, so traffic is not in this log.");
        }

        if (aggregator.BusRequests > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{aggregator.BusRequests:N0} long-polling/websocket requests (route group bus) wait for news on purpose: counted as requests, timed in their route group row only, left out of every other time figure."));
        }

        var untimed = aggregator.UntimedRequests;
        if (untimed > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{untimed:N0} requests had no performance fields ('- - -': static files in Odoo 12-15, or Odoo 11 and older): counted, not timed."));
        }

        Fold(notes, "model/method pairs", aggregator.ModelMethods.Capacity, aggregator.ModelMethods.Other.Requests.Count, "requests");
        Fold(notes, "path patterns", aggregator.Paths.Capacity, aggregator.Paths.Other.Requests.Count, "requests");
        Fold(notes, "traceback groups", aggregator.Tracebacks.Capacity, aggregator.Tracebacks.Other.Count, "tracebacks");
        Fold(notes, "cron jobs", aggregator.Crons.Capacity, aggregator.Crons.Other.Started + aggregator.Crons.Other.Done + aggregator.Crons.Other.Failed, "cron lines");
        if (aggregator.LoginFailuresFolded > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Login failures are listed for {aggregator.Settings.MaxLoginFailureHours:N0} distinct hours at most: {aggregator.LoginFailuresFolded:N0} later ones are only in the total."));
        }

        if (aggregator.Timeline.Widened)
        {
            notes.Add($"The timeline interval was widened from {aggregator.Timeline.Requested.Name()} to {aggregator.Timeline.Interval.Name()}: the log spans more than {Timeline.MaxBuckets:N0} buckets.");
        }

        if (totals.UnparsedLines > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{totals.UnparsedLines:N0} lines were not Odoo log lines (foreign {totals.UnparsedForeign:N0}, malformed {totals.UnparsedMalformed:N0}, too long {totals.UnparsedTooLong:N0}, binary {totals.UnparsedBinary:N0}): counted and skipped."));
        }

        return notes;
    }

    private static void Fold(List<string> notes, string what, int capacity, long folded, string unit)
    {
        if (folded > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Only the first {capacity:N0} distinct {what} are tracked: {folded:N0} {unit} of later ones are folded into 'other'."));
        }
    }
}
