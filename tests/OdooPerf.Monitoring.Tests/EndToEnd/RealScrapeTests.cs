using System.Text.Json;
using OdooPerf.Monitoring.Tests.Alerts;
using OdooPerf.Monitoring.Tests.Dashboards;
using OdooPerf.Monitoring.Tests.PromQl;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Monitoring.Tests.EndToEnd;

/// <summary>
/// The dashboards and rules against real data (<see cref="MonitoredStack"/>): every metric they read is exported, every
/// query is valid PromQL for a real Prometheus, every panel has data, every rule evaluates without error.
/// </summary>
public sealed class RealScrapeTests(MonitoredStack stack) : IClassFixture<MonitoredStack>
{
    // Series Prometheus makes itself, not an exporter.
    private static readonly HashSet<string> PrometheusSeries = new(StringComparer.Ordinal) { "up", "ALERTS", "ALERTS_FOR_STATE" };

    [Fact]
    public void Every_metric_a_dashboard_or_a_rule_reads_is_exported_by_the_collector_or_the_load_generator()
    {
        var exported = PrometheusText.Parse(stack.CollectorScrape).Samples.Select(s => s.Name)
            .Concat(PrometheusText.Parse(stack.LoadScrape).Samples.Select(s => s.Name))
            .ToHashSet(StringComparer.Ordinal);
        var recorded = RuleFile.All.SelectMany(f => f.Records).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        var read = MonitoredStack.AllQueries().SelectMany(MetricNames.In).ToHashSet(StringComparer.Ordinal);
        var missing = read.Where(name => !exported.Contains(name) && !recorded.Contains(name) && !PrometheusSeries.Contains(name)).Order().ToList();

        Assert.True(read.Count > 100, $"only {read.Count} metric names read: the dashboards or rules were not found");
        Assert.True(missing.Count == 0, "read but not exported: " + string.Join(", ", missing));
    }

    [Fact]
    public void Prometheus_accepts_every_dashboard_and_rule_query()
    {
        var rejected = stack.Answers.Where(a => a.Value.GetProperty("status").GetString() != "success")
            .Select(a => $"{a.Key}\n  -> {a.Value.GetProperty("error").GetString()}")
            .ToList();

        Assert.True(rejected.Count == 0, string.Join('\n', rejected));
    }

    [Fact]
    public void Every_panel_shows_data()
    {
        var empty = (
            from dashboard in Dashboard.All
            from panel in dashboard.Queries.GroupBy(q => (q.Dashboard, q.PanelId, q.Panel))
            where panel.All(q => Result(dashboard.Substitute(q.Expression)).GetArrayLength() == 0)
            where !ExpectedEmpty(panel.Key.Panel, panel.Select(q => q.Expression))
            select $"{panel.Key.Dashboard} #{panel.Key.PanelId} {panel.Key.Panel}").ToList();

        Assert.True(empty.Count == 0, "panels without data:\n" + string.Join('\n', empty));
    }

    [Fact]
    public void Every_rule_evaluates_without_error_on_real_data()
    {
        var rules = stack.RuleGroups.EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToList();
        var unhealthy = rules.Where(r => r.GetProperty("health").GetString() != "ok")
            .Select(r => $"{r.GetProperty("name").GetString()}: {r.GetProperty("health").GetString()} {(r.TryGetProperty("lastError", out var e) ? e.GetString() : string.Empty)}")
            .ToList();

        Assert.Equal(RuleFile.All.Sum(f => f.Alerts.Count + f.Records.Count), rules.Count);
        Assert.True(unhealthy.Count == 0, string.Join('\n', unhealthy));
    }

    [Fact]
    public void The_failing_cron_job_and_the_dropped_series_fire_their_alerts_on_real_data()
    {
        var firing = Result("ALERTS").EnumerateArray()
            .Select(a => (Name: a.GetProperty("metric").GetProperty("alertname").GetString(), Labels: a.GetProperty("metric")))
            .ToList();

        Assert.Contains(firing, a => a.Name == "OdooCronJobFailing" && a.Labels.GetProperty("cron_job").GetString() == "Mail: Fetchmail Service");
        Assert.Contains(firing, a => a.Name == "OdooPerfSeriesDropped");
        Assert.DoesNotContain(firing, a => a.Name is "OdooDown" or "PostgresDown" or "OdooPerfCollectorDown" or "OdooPerfSourceDown");
    }

    private JsonElement Result(string query) => stack.Answers[query].GetProperty("data").GetProperty("result");

    /// <summary>Panels that are empty on this stack for a reason that holds in production too.</summary>
    private static bool ExpectedEmpty(string panel, IEnumerable<string> expressions)
    {
        var text = string.Join('\n', expressions);

        // Printed reports (/report/pdf/...): the load suite's accounting scenario reads grouped data instead, and the
        // simulator serves no PDF.
        if (text.Contains("route=\"report\"", StringComparison.Ordinal))
        {
            return true;
        }

        // Business-hours availability is empty outside Mon-Fri 07:00-19:00 UTC over a 1 h test range.
        var now = DateTime.UtcNow;
        var businessHours = now.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && now.Hour is >= 7 and < 19;
        return !businessHours && text.Contains("hour()", StringComparison.Ordinal);
    }
}
