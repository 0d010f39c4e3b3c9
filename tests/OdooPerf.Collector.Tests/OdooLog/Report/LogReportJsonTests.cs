using System.Text;
using System.Text.Json;
using OdooPerf.Collector.OdooLog.Report;
using Xunit;
using static OdooPerf.Collector.Tests.OdooLog.Report.LogText;

namespace OdooPerf.Collector.Tests.OdooLog.Report;

/// <summary>The JSON report is a contract: every field present with its type, and documented in README.md.</summary>
public sealed class LogReportJsonTests
{
    private static readonly DateTime T = Day.AddHours(10);

    // Every field of schema version 1, with its JSON type ("null|string": may be null). Arrays list their items' fields.
    private static readonly Dictionary<string, string> Schema = new()
    {
        ["schemaVersion"] = "number", ["generator"] = "string", ["generatedAt"] = "string",
        ["inputs"] = "array", ["inputs[].name"] = "string", ["inputs[].compressed"] = "bool", ["inputs[].bytes"] = "number", ["inputs[].lines"] = "number", ["inputs[].error"] = "null|string",
        ["period"] = "object", ["period.since"] = "null|string", ["period.until"] = "null|string", ["period.first"] = "null|string", ["period.last"] = "null|string", ["period.spanSeconds"] = "number",
        ["totals"] = "object", ["totals.lines"] = "number", ["totals.entries"] = "number", ["totals.outsideTimeRange"] = "number",
        ["totals.unparsedLines"] = "object", ["totals.unparsedLines.total"] = "number", ["totals.unparsedLines.foreign"] = "number", ["totals.unparsedLines.malformed"] = "number",
        ["totals.unparsedLines.tooLong"] = "number", ["totals.unparsedLines.binary"] = "number",
        ["totals.requests"] = "number", ["totals.timedRequests"] = "number", ["totals.errors"] = "number", ["totals.serverErrors"] = "number", ["totals.requestTracebacks"] = "number",
        ["totals.errorRate"] = "number", ["totals.requestsPerSecond"] = "number", ["totals.requestSeconds"] = "number", ["totals.sqlQueries"] = "number", ["totals.sqlSeconds"] = "number",
        ["totals.warningEntries"] = "number", ["totals.errorEntries"] = "number", ["totals.criticalEntries"] = "number", ["totals.tracebacks"] = "number",
        ["totals.serializationRetries"] = "number", ["totals.registryLoads"] = "number", ["totals.registryLoadMaxSeconds"] = "number",
        ["overall"] = "object", ["routes"] = "array", ["modelMethods"] = "array", ["paths"] = "array",
        ["modelMethods[].model"] = "null|string", ["modelMethods[].method"] = "null|string",
        ["statusCodes"] = "array", ["statusCodes[].status"] = "number", ["statusCodes[].count"] = "number",
        ["slowestRequests"] = "array", ["mostSqlQueries"] = "array",
        ["timeline"] = "object", ["timeline.interval"] = "string", ["timeline.intervalSeconds"] = "number", ["timeline.requested"] = "string", ["timeline.widened"] = "bool",
        ["timeline.buckets"] = "array", ["timeline.buckets[].start"] = "string", ["timeline.buckets[].requests"] = "number", ["timeline.buckets[].requestsPerSecond"] = "number",
        ["timeline.buckets[].errors"] = "number", ["timeline.buckets[].timed"] = "number", ["timeline.buckets[].p50Seconds"] = "number", ["timeline.buckets[].p95Seconds"] = "number",
        ["timeline.buckets[].p99Seconds"] = "number", ["timeline.buckets[].maxSeconds"] = "number", ["timeline.buckets[].workerLimits"] = "object",
        ["timeline.buckets[].tracebacks"] = "number", ["timeline.buckets[].cronFailures"] = "number", ["timeline.buckets[].loginFailures"] = "number",
        ["workers"] = "object", ["workers.limits"] = "object", ["workers.limits.memorySoft"] = "number", ["workers.limits.memoryHard"] = "number", ["workers.limits.cpu"] = "number",
        ["workers.limits.real"] = "number", ["workers.limits.requestLimit"] = "number", ["workers.started"] = "number", ["workers.exited"] = "number",
        ["crons"] = "array", ["crons[].job"] = "string", ["crons[].other"] = "bool", ["crons[].started"] = "number", ["crons[].done"] = "number", ["crons[].failed"] = "number",
        ["crons[].timedRuns"] = "number", ["crons[].totalSeconds"] = "number", ["crons[].meanSeconds"] = "number", ["crons[].maxSeconds"] = "number", ["crons[].lastSeen"] = "null|string",
        ["logins"] = "object", ["logins.failed"] = "number", ["logins.succeeded"] = "number", ["logins.failedByHour"] = "array",
        ["logins.failedByHour[].hour"] = "string", ["logins.failedByHour[].count"] = "number",
        ["tracebacks"] = "array", ["tracebacks[].exceptionType"] = "string", ["tracebacks[].frame"] = "string", ["tracebacks[].logger"] = "string", ["tracebacks[].other"] = "bool",
        ["tracebacks[].count"] = "number", ["tracebacks[].firstSeen"] = "null|string", ["tracebacks[].lastSeen"] = "null|string",
        ["notes"] = "array",
    };

    // The fields of a statistics row (overall, routes, modelMethods, paths) and of a kept request.
    private static readonly Dictionary<string, string> Row = new()
    {
        ["name"] = "string", ["other"] = "bool", ["count"] = "number", ["errors"] = "number", ["timed"] = "number", ["totalSeconds"] = "number", ["meanSeconds"] = "number",
        ["p50Seconds"] = "number", ["p95Seconds"] = "number", ["p99Seconds"] = "number", ["maxSeconds"] = "number", ["sqlQueriesPerCall"] = "number",
        ["sqlSecondsPerCall"] = "number", ["shareOfTime"] = "number",
    };

    private static readonly Dictionary<string, string> Sample = new()
    {
        ["time"] = "string", ["pid"] = "number", ["database"] = "string", ["method"] = "string", ["path"] = "string", ["status"] = "number",
        ["seconds"] = "number", ["sqlQueries"] = "number", ["sqlSeconds"] = "number",
    };

    [Fact]
    public void Every_field_is_present_with_its_type_and_nothing_else()
    {
        using var json = JsonDocument.Parse(Json());
        var found = new Dictionary<string, string>();
        Walk(json.RootElement, string.Empty, found);

        var expected = new Dictionary<string, string>(Schema);
        foreach (var (field, kind) in Row)
        {
            foreach (var list in new[] { "overall.", "routes[].", "modelMethods[].", "paths[]." })
            {
                expected[list + field] = kind;
            }
        }

        foreach (var (field, kind) in Sample)
        {
            expected["slowestRequests[]." + field] = kind;
            expected["mostSqlQueries[]." + field] = kind;
        }

        foreach (var worker in new[] { "memorySoft", "memoryHard", "cpu", "real", "requestLimit" })
        {
            expected["timeline.buckets[].workerLimits." + worker] = "number";
        }

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        foreach (var (field, kind) in found)
        {
            Assert.True(expected[field].Split('|').Contains(kind), $"{field} is {kind}, the schema says {expected[field]}");
        }

        Assert.Equal(LogReport.CurrentSchemaVersion, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(1, LogReport.CurrentSchemaVersion);
    }

    [Fact]
    public void Times_are_local_without_a_zone_as_in_the_log()
    {
        using var json = JsonDocument.Parse(Json());

        Assert.Equal("2024-03-05T10:00:00.000", json.RootElement.GetProperty("period").GetProperty("first").GetString());
        Assert.Equal("2024-03-05T10:00:00.000", json.RootElement.GetProperty("timeline").GetProperty("buckets")[0].GetProperty("start").GetString());
        Assert.EndsWith("Z", json.RootElement.GetProperty("generatedAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_is_documented_in_the_readme()
    {
        var readme = File.ReadAllText(OdooPerf.Testing.RepositoryFile.Find("README.md"));
        var start = readme.IndexOf("\n## Log report", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Log report' section");
        var end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];

        using var json = JsonDocument.Parse(Json());
        var found = new Dictionary<string, string>();
        Walk(json.RootElement, string.Empty, found);
        var missing = found.Keys.Select(k => k.Split('.')[^1].Replace("[]", string.Empty, StringComparison.Ordinal)).Distinct()
            .Where(name => !section.Contains($"`{name}`", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "README.md 'Log report' does not document: " + string.Join(", ", missing));
    }

    /// <summary>A log that fills every list, so every item field appears.</summary>
    private static string Json()
    {
        const string Cron = "odoo.addons.base.models.ir_cron";
        var log = Lines(
            CallKw(Day.AddHours(10), 100, "res.partner", "read", 10),
            Request(Day.AddHours(10).AddSeconds(1), 100, "GET", "/shop", 500, 3, 0.01, 0.02),
            Line(Day.AddHours(10).AddSeconds(2), 101, "ERROR", "odoo.http", "Exception during request handling."),
            Traceback("KeyError", "/opt/odoo/x.py", 1, "f"),
            Line(Day.AddHours(10).AddSeconds(3), 200, "INFO", Cron, "Job done: `A` (1.500s)."),
            Line(Day.AddHours(10).AddSeconds(4), 101, "INFO", "odoo.addons.base.models.res_users", "Login failed for db:prod login:x from 10.0.0.1"),
            Line(Day.AddHours(10).AddSeconds(5), 101, "INFO", "odoo.service.server", "Worker (101) virtual memory limit (2147483648) reached.", "?"));
        var report = ReportOn(log);
        return Encoding.UTF8.GetString(LogReportCommand.Render(report, LogReportFormat.Json));
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (path.Length > 0)
                {
                    Add(found, path, "object");
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", found);
                }

                break;
            case JsonValueKind.Array:
                Add(found, path, "array");
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in item.EnumerateObject())
                        {
                            Walk(property.Value, $"{path}[].{property.Name}", found);
                        }
                    }
                }

                break;
            case JsonValueKind.String:
                Add(found, path, "string");
                break;
            case JsonValueKind.Number:
                Add(found, path, "number");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Add(found, path, "bool");
                break;
            default:
                Add(found, path, "null");
                break;
        }
    }

    private static void Add(Dictionary<string, string> found, string path, string kind)
    {
        // A field seen null in one item and a string in another keeps the non-null kind.
        if (!found.TryGetValue(path, out var seen) || seen == "null")
        {
            found[path] = kind;
        }
    }
}
