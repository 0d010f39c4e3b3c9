using System.Text;
using System.Text.Json;
using OdooPerf.Load.Reports;
using OdooPerf.Load.Running;
using OdooPerf.Load.Stats;
using Xunit;

namespace OdooPerf.Load.Tests.Reports;

/// <summary>report.json is a contract: its fields, their documentation, the round trip, and clear errors on bad files.</summary>
public sealed class LoadReportJsonTests
{
    private static string Write(LoadReport report)
    {
        using var stream = new MemoryStream();
        LoadReportJson.Write(stream, report);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static LoadReport Parse(string json, string source = "r.json") => LoadReportJson.Parse(Encoding.UTF8.GetBytes(json), source);

    [Fact]
    public void A_written_report_reads_back_to_the_same_snapshots()
    {
        var result = TestRuns.Simple();
        var original = result.Stats.AllSnapshots();

        var read = Parse(Write(LoadReportBuilder.Build(result, "http GET http://127.0.0.1:8080/")));
        var snapshots = read.ToSnapshots();

        Assert.Equal(original.Count, snapshots.Count);
        for (var i = 0; i < original.Count; i++)
        {
            var (expected, actual) = (original[i], snapshots[i]);
            Assert.Equal((expected.Scenario, expected.Step), (actual.Scenario, actual.Step));
            Assert.Equal(expected.Ok, actual.Ok);
            Assert.Equal(expected.Failed, actual.Failed);
            Assert.Equal(expected.BytesSent, actual.BytesSent);
            Assert.Equal(expected.BytesReceived, actual.BytesReceived);
            Assert.Equal(expected.StatusCodes.OrderBy(p => p.Key), actual.StatusCodes.OrderBy(p => p.Key));
            Assert.Equal(expected.FailuresByReason.OrderBy(p => p.Key), actual.FailuresByReason.OrderBy(p => p.Key));
            Assert.Equal(expected.DurationSeconds, actual.DurationSeconds);
            Assert.Equal(expected.Latency, actual.Latency);
            Assert.Equal(expected.RequestsPerSecond, actual.RequestsPerSecond);
        }

        Assert.True(original[0].Requests > 500, "the test run should have recorded a fair number of requests");
        Assert.Equal("http GET http://127.0.0.1:8080/", read.Title);
        Assert.Equal(result.Stats.Intervals.Count, read.Series.Count);
        Assert.Equal(result.Thresholds.Verdicts.Select(v => v.Line), read.Thresholds.Select(t => t.Line));
    }

    [Fact]
    public void A_verdict_and_step_calls_read_back()
    {
        var report = LoadReportBuilder.Build(TestRuns.Simple(), "go-live") with
        {
            Verdict = "NO-GO",
            StepCalls = new Dictionary<string, string> { ["quote-to-cash/confirm_order"] = "sale.order.action_confirm (/web/dataset/call_button)" },
        };

        var read = Parse(Write(report));

        Assert.Equal("NO-GO", read.Verdict);
        var call = Assert.Single(read.StepCalls!);
        Assert.Equal(("quote-to-cash/confirm_order", "sale.order.action_confirm (/web/dataset/call_button)"), (call.Key, call.Value));
    }

    [Fact]
    public void The_fields_the_issue_names_are_there_with_the_run_figures()
    {
        var result = TestRuns.Simple();
        var run = result.Stats.Snapshot();
        using var json = JsonDocument.Parse(Write(LoadReportBuilder.Build(result, "t")));
        var root = json.RootElement;
        var totals = root.GetProperty("totals");
        var latency = totals.GetProperty("latencyMs");

        Assert.Equal(run.DurationSeconds, root.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(result.Stats.PeakUsers, root.GetProperty("peakUsers").GetInt32());
        Assert.Equal(result.DroppedIterations, root.GetProperty("dropped").GetInt64());
        Assert.True(result.DroppedIterations > 0);
        Assert.Equal(run.Requests, totals.GetProperty("requests").GetInt64());
        Assert.Equal(run.Failed, totals.GetProperty("failed").GetInt64());
        Assert.Equal(run.RequestsPerSecond, totals.GetProperty("rps").GetDouble());
        Assert.Equal(run.Latency.P50Ms, latency.GetProperty("p50").GetDouble());
        Assert.Equal(run.Latency.P95Ms, latency.GetProperty("p95").GetDouble());
        Assert.Equal(run.Latency.P99Ms, latency.GetProperty("p99").GetDouble());
        Assert.Equal(run.Latency.MaxMs, latency.GetProperty("max").GetDouble());
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("odooperf-load", root.GetProperty("tool").GetString());
        Assert.Equal("completed", root.GetProperty("stopReason").GetString());
        Assert.Equal("1/1", root.GetProperty("segments")[0].GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("verdict").ValueKind);
        Assert.Equal(run.StatusCodes[504], totals.GetProperty("statusCodes").GetProperty("504").GetInt64());
        Assert.Equal(run.Failed, totals.GetProperty("failuresByReason").GetProperty("timeout").GetInt64());
        Assert.True(HistogramCodec.TryDecode(totals.GetProperty("histogram").GetString(), out var histogram));
        Assert.Equal(run.Requests, histogram.TotalCount);
    }

    // Every field of schema version 1 with its JSON type ("null|number": may be null). {} stands for a map's keys.
    private static readonly Dictionary<string, string> Schema = Expand(new()
    {
        ["schemaVersion"] = "number", ["tool"] = "string", ["toolVersion"] = "string", ["title"] = "string",
        ["startedAt"] = "string", ["endedAt"] = "string", ["durationSeconds"] = "number", ["plannedDurationSeconds"] = "number",
        ["complete"] = "bool", ["stopReason"] = "string", ["segments"] = "array", ["segments[]"] = "string",
        ["peakUsers"] = "number", ["dropped"] = "number", ["verdict"] = "null|string", ["stepCalls"] = "null|object", ["thresholdsPassed"] = "bool",
        ["unfinished"] = "null|object",
        ["totals"] = "object", ["$stats:totals"] = "",
        ["scenarios"] = "array", ["scenarios[].name"] = "string", ["scenarios[].phases"] = "array", ["scenarios[].phases[]"] = "string",
        ["scenarios[].iterations"] = "number", ["scenarios[].dropped"] = "number", ["scenarios[].peakUsers"] = "number",
        ["scenarios[].peakTargetUsers"] = "number", ["scenarios[].maxSchedulingLagMs"] = "number", ["$stats:scenarios[]"] = "",
        ["scenarios[].steps"] = "array", ["scenarios[].steps[].name"] = "string", ["$stats:scenarios[].steps[]"] = "",
        ["scenarios[].steps[].failureMessages"] = "array", ["scenarios[].steps[].failureMessages[].reason"] = "string",
        ["scenarios[].steps[].failureMessages[].message"] = "string", ["scenarios[].steps[].failureMessages[].count"] = "number",
        ["scenarios[].steps[].failureMessages[].firstAt"] = "string",
        ["scenarios[].steps[].otherFailureMessages"] = "object", ["scenarios[].steps[].otherFailureMessages.{}"] = "number",
        ["failureMessages"] = "array", ["failureMessages[].reason"] = "string", ["failureMessages[].message"] = "string",
        ["failureMessages[].count"] = "number", ["failureMessages[].firstStep"] = "string", ["failureMessages[].firstAt"] = "string",
        ["otherFailureMessages"] = "object", ["otherFailureMessages.{}"] = "number",
        ["intervalSeconds"] = "number",
        ["series"] = "array", ["series[].start"] = "string", ["series[].end"] = "string",
        ["series[].users"] = "object", ["series[].users.{}"] = "number", ["series[].dropped"] = "object", ["series[].dropped.{}"] = "number",
        ["series[].total"] = "object", ["$series:series[].total"] = "", ["series[].scenarios"] = "object", ["series[].scenarios.{}"] = "object",
        ["$series:series[].scenarios.{}"] = "",
        ["series[].steps"] = "array", ["series[].steps[].scenario"] = "string", ["series[].steps[].step"] = "string",
        ["series[].steps[].requests"] = "number", ["series[].steps[].failed"] = "number", ["series[].steps[].rps"] = "number",
        ["series[].steps[].p50Ms"] = "number", ["series[].steps[].p95Ms"] = "number", ["series[].steps[].p99Ms"] = "number",
        ["thresholds"] = "array", ["thresholds[].expression"] = "string", ["thresholds[].outcome"] = "string",
        ["thresholds[].actual"] = "null|number", ["thresholds[].baseline"] = "null|number", ["thresholds[].reason"] = "null|string",
        ["thresholds[].line"] = "string",
        ["baseline"] = "null|object", ["baseline.file"] = "string", ["baseline.title"] = "string", ["baseline.startedAt"] = "string",
        ["baseline.steps"] = "array", ["baseline.steps[].scenario"] = "null|string", ["baseline.steps[].step"] = "null|string",
        ["baseline.steps[].requests"] = "number", ["baseline.steps[].baselineRequests"] = "null|number",
        ["baseline.steps[].rps"] = "number", ["baseline.steps[].baselineRps"] = "null|number", ["baseline.steps[].rpsDeltaPercent"] = "null|number",
        ["baseline.steps[].p50Ms"] = "number", ["baseline.steps[].baselineP50Ms"] = "null|number", ["baseline.steps[].p50DeltaPercent"] = "null|number",
        ["baseline.steps[].p95Ms"] = "number", ["baseline.steps[].baselineP95Ms"] = "null|number", ["baseline.steps[].p95DeltaPercent"] = "null|number",
        ["baseline.steps[].p99Ms"] = "number", ["baseline.steps[].baselineP99Ms"] = "null|number", ["baseline.steps[].p99DeltaPercent"] = "null|number",
        ["baseline.steps[].failRate"] = "number", ["baseline.steps[].baselineFailRate"] = "null|number",
        ["baseline.steps[].failRateDeltaPoints"] = "null|number",
        ["baseline.missingInCurrent"] = "array", ["baseline.missingInCurrent[]"] = "string",
    });

    private static Dictionary<string, string> Expand(Dictionary<string, string> schema)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, kind) in schema)
        {
            if (field.StartsWith("$stats:", StringComparison.Ordinal))
            {
                var at = field["$stats:".Length..];
                foreach (var (name, type) in new[]
                {
                    ("requests", "number"), ("ok", "number"), ("failed", "number"), ("failRate", "number"), ("rps", "number"),
                    ("bytesSent", "number"), ("bytesReceived", "number"), ("clampedLatencies", "number"), ("latencyMs", "object"),
                    ("statusCodes", "object"), ("statusCodes.{}", "number"), ("failuresByReason", "object"), ("failuresByReason.{}", "number"),
                    ("histogram", "string"),
                })
                {
                    result[$"{at}.{name}"] = type;
                }

                foreach (var name in new[] { "min", "mean", "stddev", "p50", "p75", "p90", "p95", "p99", "p999", "max" })
                    result[$"{at}.latencyMs.{name}"] = "number";
            }
            else if (field.StartsWith("$series:", StringComparison.Ordinal))
            {
                var at = field["$series:".Length..];
                foreach (var (name, type) in new[] { ("requests", "number"), ("failed", "number"), ("rps", "number"), ("p50Ms", "number"), ("p95Ms", "number"), ("p99Ms", "number"), ("histogram", "null|string") })
                    result[$"{at}.{name}"] = type;
            }
            else
            {
                result[field] = kind;
            }
        }

        return result;
    }

    /// <summary>
    /// A report that fills every list and every optional field: failures with messages (one step with more distinct
    /// messages than it keeps), two scenarios, thresholds, a baseline.
    /// </summary>
    private static string FullJson()
    {
        var baseline = LoadReportBuilder.Build(TestRuns.Result(TestRuns.Play(20, (s, t) =>
        {
            TestRuns.Workload(s, t, 2);
            s.Step("gone", "old").RecordOk(TimeSpan.FromMilliseconds(9));
        })), "before");
        var current = TestRuns.Result(TestRuns.Play(20, (s, t) =>
        {
            TestRuns.Workload(s, t, 1);
            s.Step("checkout", "pay").RecordOk(TimeSpan.FromMilliseconds(70), 201);
            s.Step("extra", "new_step").RecordOk(TimeSpan.FromMilliseconds(3));
            for (var letter = 'a'; letter <= 'k' && t == 0; letter++)
                s.Step("extra", "new_step").RecordFailure(TimeSpan.FromMilliseconds(4), "UserError", 200, message: $"Problem {letter}");
        }), StopReason.Interrupted, thresholds: ["p95 < 3s", "browse/open_form: p95 +20%", "nosuch: p95 < 1s"]);
        var report = LoadReportBuilder.Build(current, "with baseline").WithBaseline(baseline, "before/report.json") with { Verdict = "NO-GO" };
        return Write(report);
    }

    [Fact]
    public void Every_field_is_present_with_its_type_and_nothing_else()
    {
        using var json = JsonDocument.Parse(FullJson());
        var found = Json.Fields(json.RootElement);

        var unexpected = found.Keys.Except(Schema.Keys).Order(StringComparer.Ordinal).ToArray();
        var missing = Schema.Keys.Except(found.Keys).Order(StringComparer.Ordinal).ToArray();
        Assert.True(unexpected.Length == 0, "not in the test's schema: " + string.Join(", ", unexpected));
        Assert.True(missing.Length == 0, "not written: " + string.Join(", ", missing));
        foreach (var (field, kind) in found)
            Assert.True(Schema[field].Split('|').Contains(kind), $"{field} is {kind}, the schema says {Schema[field]}");
    }

    [Fact]
    public void Every_field_is_documented_in_docs_load_report_md()
    {
        var doc = File.ReadAllText(OdooPerf.Testing.RepositoryFile.Find("docs/load-report.md"));
        using var json = JsonDocument.Parse(FullJson());
        var names = Json.Fields(json.RootElement).Keys
            .Select(path => path.Split('.')[^1].Replace("[]", "", StringComparison.Ordinal))
            .Where(name => name is not ("" or "{}"))
            .Distinct()
            .ToArray();

        var undocumented = names.Where(name => !doc.Contains($"`{name}`", StringComparison.Ordinal)).ToArray();
        Assert.True(undocumented.Length == 0, "docs/load-report.md does not document: " + string.Join(", ", undocumented));
        Assert.True(names.Length > 60, "the walk should have found every field");
    }

    [Fact]
    public void Times_are_utc_and_series_points_carry_their_histograms()
    {
        var report = Parse(Write(LoadReportBuilder.Build(TestRuns.Simple(), "t")));

        Assert.Equal(TimeSpan.Zero, report.StartedAt.Offset);
        Assert.All(report.Series, p => Assert.NotNull(p.Total.Histogram));
        Assert.Equal(report.Totals.Requests, report.Series.Sum(p => p.Total.Requests));
        Assert.Equal(4, report.Series.Count);
        Assert.All(report.Series, p => Assert.Equal(5, p.DurationSeconds));
    }

    [Fact]
    public void A_missing_file_is_a_one_line_error_naming_it()
    {
        var path = Path.Join(Path.GetTempPath(), $"odooperf-missing-{Guid.NewGuid():N}", "report.json");
        var e = Assert.Throws<LoadReportException>(() => LoadReportJson.Read(path));
        Assert.StartsWith(path + ": cannot be read", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("this is not json", "a.json: not JSON")]
    [InlineData("[1, 2]", "a.json: not an odooperf-load report")]
    [InlineData("{\"generator\": \"odooperf logs report\", \"schemaVersion\": 1}", "a.json: not an odooperf-load report")]
    [InlineData("{\"tool\": \"odooperf-load\"}", "a.json: missing field 'schemaVersion'")]
    [InlineData("{\"tool\": \"odooperf-load\", \"schemaVersion\": 2}", "a.json: report schema version 2; this odooperf-load reads version 1")]
    public void A_file_that_is_not_a_report_is_a_one_line_error(string content, string expected)
    {
        var e = Assert.Throws<LoadReportException>(() => Parse(content, "a.json"));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("totals.histogram", "AAAA", "corrupt histogram in totals")]
    [InlineData("scenarios.0.steps.1.histogram", "bm90IGEgaGlzdG9ncmFt", "corrupt histogram in step 'browse/list'")]
    [InlineData("series.2.total.histogram", "%%%", "corrupt histogram in series[2].total")]
    [InlineData("totals.requests", "\"many\"", "could not be converted")]
    [InlineData("title", null, "title")]
    [InlineData("stopReason", "\"paused\"", "unknown stopReason 'paused'")]
    [InlineData("segments.0", "\"3/2\"", "bad segment '3/2'")]
    [InlineData("totals.statusCodes", "{\"ok\": 3}", "status code 'ok' in totals")]
    public void A_damaged_report_is_a_one_line_error_saying_what_is_wrong(string field, string? value, string expected)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Write(LoadReportBuilder.Build(TestRuns.Simple(), "t")))!;
        var parts = field.Split('.');
        var parent = parts[..^1].Aggregate(json, (node, part) => int.TryParse(part, out var index) ? node[index]! : node[part]!);
        var last = parts[^1];
        if (value is null)
            parent.AsObject().Remove(last);
        else if (value.StartsWith('"') || value.StartsWith('{'))
            Set(parent, last, System.Text.Json.Nodes.JsonNode.Parse(value));
        else
            Set(parent, last, System.Text.Json.Nodes.JsonValue.Create(value));

        var e = Assert.Throws<LoadReportException>(() => Parse(json.ToJsonString(), "damaged.json"));
        Assert.StartsWith("damaged.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    private static void Set(System.Text.Json.Nodes.JsonNode parent, string key, System.Text.Json.Nodes.JsonNode? value)
    {
        if (int.TryParse(key, out var index))
            parent[index] = value;
        else
            parent[key] = value;
    }

    [Fact]
    public void Unknown_fields_from_a_newer_writer_are_ignored()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Write(LoadReportBuilder.Build(TestRuns.Simple(), "t")))!;
        json["somethingNew"] = 42;
        json["totals"]!["alsoNew"] = "x";

        Assert.Equal("t", Parse(json.ToJsonString()).Title);
    }
}
