using System.Globalization;
using System.Text.Json;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// The report as JSON, schema version <see cref="LogReport.CurrentSchemaVersion"/> (every field is documented
/// in README.md, "Log report"). Written field by field so the names and their order are the contract,
/// whatever the C# model becomes. Times are local, without a zone, as in the log.
/// </summary>
internal static class JsonReportWriter
{
    public static void Write(LogReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", report.SchemaVersion);
        json.WriteString("generator", report.Generator);
        json.WriteString("generatedAt", report.GeneratedAtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));

        json.WriteStartArray("inputs");
        foreach (var input in report.Inputs)
        {
            json.WriteStartObject();
            json.WriteString("name", input.Name);
            json.WriteBoolean("compressed", input.Compressed);
            json.WriteNumber("bytes", input.Bytes);
            json.WriteNumber("lines", input.Lines);
            json.WriteString("error", input.Error);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        var p = report.Period;
        json.WriteStartObject("period");
        Time(json, "since", p.Since);
        Time(json, "until", p.Until);
        Time(json, "first", p.First);
        Time(json, "last", p.Last);
        json.WriteNumber("spanSeconds", Math.Round(p.SpanSeconds, 3));
        json.WriteEndObject();

        var t = report.Totals;
        json.WriteStartObject("totals");
        json.WriteNumber("lines", t.Lines);
        json.WriteNumber("entries", t.Entries);
        json.WriteNumber("outsideTimeRange", t.OutsideTimeRange);
        json.WriteStartObject("unparsedLines");
        json.WriteNumber("total", t.UnparsedLines);
        json.WriteNumber("foreign", t.UnparsedForeign);
        json.WriteNumber("malformed", t.UnparsedMalformed);
        json.WriteNumber("tooLong", t.UnparsedTooLong);
        json.WriteNumber("binary", t.UnparsedBinary);
        json.WriteEndObject();
        json.WriteNumber("requests", t.Requests);
        json.WriteNumber("timedRequests", t.TimedRequests);
        json.WriteNumber("errors", t.Errors);
        json.WriteNumber("serverErrors", t.ServerErrors);
        json.WriteNumber("requestTracebacks", t.RequestTracebacks);
        json.WriteNumber("errorRate", Math.Round(t.ErrorRate, 6));
        json.WriteNumber("requestsPerSecond", Math.Round(t.RequestsPerSecond, 3));
        json.WriteNumber("requestSeconds", Math.Round(t.RequestSeconds, 3));
        json.WriteNumber("sqlQueries", t.SqlQueries);
        json.WriteNumber("sqlSeconds", Math.Round(t.SqlSeconds, 3));
        json.WriteNumber("warningEntries", t.WarningEntries);
        json.WriteNumber("errorEntries", t.ErrorEntries);
        json.WriteNumber("criticalEntries", t.CriticalEntries);
        json.WriteNumber("tracebacks", t.Tracebacks);
        json.WriteNumber("serializationRetries", t.SerializationRetries);
        json.WriteNumber("registryLoads", t.RegistryLoads);
        json.WriteNumber("registryLoadMaxSeconds", t.RegistryLoadMaxSeconds);
        json.WriteEndObject();

        json.WritePropertyName("overall");
        Row(json, report.Overall, false);
        Rows(json, "routes", report.Routes, false);
        Rows(json, "modelMethods", report.ModelMethods, true);
        Rows(json, "paths", report.Paths, false);

        json.WriteStartArray("statusCodes");
        foreach (var status in report.StatusCodes)
        {
            json.WriteStartObject();
            json.WriteNumber("status", status.Status);
            json.WriteNumber("count", status.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Samples(json, "slowestRequests", report.SlowestRequests);
        Samples(json, "mostSqlQueries", report.MostSqlQueries);

        var timeline = report.Timeline;
        json.WriteStartObject("timeline");
        json.WriteString("interval", timeline.Interval);
        json.WriteNumber("intervalSeconds", timeline.IntervalSeconds);
        json.WriteString("requested", timeline.Requested);
        json.WriteBoolean("widened", timeline.Widened);
        json.WriteStartArray("buckets");
        foreach (var b in timeline.Buckets)
        {
            json.WriteStartObject();
            Time(json, "start", b.Start);
            json.WriteNumber("requests", b.Requests);
            json.WriteNumber("requestsPerSecond", b.RequestsPerSecond);
            json.WriteNumber("errors", b.Errors);
            json.WriteNumber("timed", b.Timed);
            json.WriteNumber("p50Seconds", b.P50Seconds);
            json.WriteNumber("p95Seconds", b.P95Seconds);
            json.WriteNumber("p99Seconds", b.P99Seconds);
            json.WriteNumber("maxSeconds", b.MaxSeconds);
            json.WritePropertyName("workerLimits");
            Workers(json, b.WorkerLimits);
            json.WriteNumber("tracebacks", b.Tracebacks);
            json.WriteNumber("cronFailures", b.CronFailures);
            json.WriteNumber("loginFailures", b.LoginFailures);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("workers");
        json.WritePropertyName("limits");
        Workers(json, report.Workers.Limits);
        json.WriteNumber("started", report.Workers.Started);
        json.WriteNumber("exited", report.Workers.Exited);
        json.WriteEndObject();

        json.WriteStartArray("crons");
        foreach (var c in report.Crons)
        {
            json.WriteStartObject();
            json.WriteString("job", c.Job);
            json.WriteBoolean("other", c.IsOther);
            json.WriteNumber("started", c.Started);
            json.WriteNumber("done", c.Done);
            json.WriteNumber("failed", c.Failed);
            json.WriteNumber("timedRuns", c.TimedRuns);
            json.WriteNumber("totalSeconds", c.TotalSeconds);
            json.WriteNumber("meanSeconds", c.MeanSeconds);
            json.WriteNumber("maxSeconds", c.MaxSeconds);
            Time(json, "lastSeen", c.LastSeen);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("logins");
        json.WriteNumber("failed", report.Logins.Failed);
        json.WriteNumber("succeeded", report.Logins.Succeeded);
        json.WriteStartArray("failedByHour");
        foreach (var hour in report.Logins.FailedByHour)
        {
            json.WriteStartObject();
            Time(json, "hour", hour.Hour);
            json.WriteNumber("count", hour.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("tracebacks");
        foreach (var tb in report.Tracebacks)
        {
            json.WriteStartObject();
            json.WriteString("exceptionType", tb.ExceptionType);
            json.WriteString("frame", tb.Frame);
            json.WriteString("logger", tb.Logger);
            json.WriteBoolean("other", tb.IsOther);
            json.WriteNumber("count", tb.Count);
            Time(json, "firstSeen", tb.FirstSeen);
            Time(json, "lastSeen", tb.LastSeen);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("notes");
        foreach (var note in report.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static void Time(Utf8JsonWriter json, string name, DateTime? time)
    {
        if (time is { } t)
        {
            json.WriteString(name, t.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Rows(Utf8JsonWriter json, string name, IReadOnlyList<RequestStatsRow> rows, bool modelMethod)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            Row(json, row, modelMethod);
        }

        json.WriteEndArray();
    }

    private static void Row(Utf8JsonWriter json, RequestStatsRow row, bool modelMethod)
    {
        json.WriteStartObject();
        json.WriteString("name", row.Name);
        if (modelMethod)
        {
            json.WriteString("model", row.Model);
            json.WriteString("method", row.Method);
        }

        json.WriteBoolean("other", row.IsOther);
        json.WriteNumber("count", row.Count);
        json.WriteNumber("errors", row.Errors);
        json.WriteNumber("timed", row.Timed);
        json.WriteNumber("totalSeconds", row.TotalSeconds);
        json.WriteNumber("meanSeconds", row.MeanSeconds);
        json.WriteNumber("p50Seconds", row.P50Seconds);
        json.WriteNumber("p95Seconds", row.P95Seconds);
        json.WriteNumber("p99Seconds", row.P99Seconds);
        json.WriteNumber("maxSeconds", row.MaxSeconds);
        json.WriteNumber("sqlQueriesPerCall", row.SqlQueriesPerCall);
        json.WriteNumber("sqlSecondsPerCall", row.SqlSecondsPerCall);
        json.WriteNumber("shareOfTime", row.ShareOfTime);
        json.WriteEndObject();
    }

    private static void Samples(Utf8JsonWriter json, string name, IReadOnlyList<RequestSample> samples)
    {
        json.WriteStartArray(name);
        foreach (var s in samples)
        {
            json.WriteStartObject();
            Time(json, "time", s.Timestamp);
            json.WriteNumber("pid", s.Pid);
            json.WriteString("database", s.Database);
            json.WriteString("method", s.Method);
            json.WriteString("path", s.Path);
            json.WriteNumber("status", s.Status);
            json.WriteNumber("seconds", Math.Round(s.Seconds, 3));
            json.WriteNumber("sqlQueries", s.SqlQueries);
            json.WriteNumber("sqlSeconds", Math.Round(s.SqlSeconds, 3));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Workers(Utf8JsonWriter json, WorkerCounts counts)
    {
        json.WriteStartObject();
        for (var i = 0; i < WorkerEvent.Count; i++)
        {
            json.WriteNumber(WorkerEvent.Names[i], counts[i]);
        }

        json.WriteEndObject();
    }
}
