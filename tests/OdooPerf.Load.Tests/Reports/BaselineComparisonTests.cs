using OdooPerf.Load.Reports;
using OdooPerf.Load.Stats;
using OdooPerf.Load.Thresholds;
using Xunit;

namespace OdooPerf.Load.Tests.Reports;

public sealed class BaselineComparisonTests
{
    /// <summary>A run of 10 s: 'browse/open' at <paramref name="ms"/> ms, <paramref name="perSecond"/> a second, one in ten failed when asked.</summary>
    private static LoadReport Run(double ms, int perSecond, bool failures, string extraScenario, IEnumerable<string>? thresholds = null) =>
        LoadReportBuilder.Build(TestRuns.Result(TestRuns.Play(10, (s, t) =>
        {
            var open = s.Step("browse", "open");
            for (var i = 0; i < perSecond; i++)
            {
                if (failures && i == 0)
                    open.RecordFailure(TimeSpan.FromMilliseconds(ms), "timeout");
                else
                    open.RecordOk(TimeSpan.FromMilliseconds(ms), 200);
            }

            s.Step(extraScenario, "only").RecordOk(TimeSpan.FromMilliseconds(1));
        }), thresholds: thresholds), extraScenario);

    [Fact]
    public void Deltas_are_the_changes_from_the_baseline()
    {
        var baseline = Run(100, 10, failures: false, "old");
        var current = Run(120, 8, failures: true, "new");

        var comparison = BaselineComparison.Compare(current, baseline, "base/report.json");

        var open = comparison.Steps.Single(r => r.Scenario == "browse" && r.Step == "open");
        var was = baseline.Scenarios.Single(s => s.Name == "browse").Steps.Single();
        var now = current.Scenarios.Single(s => s.Name == "browse").Steps.Single();
        Assert.Equal(80, open.Requests);
        Assert.Equal(100, open.BaselineRequests);
        Assert.Equal(-20, open.RpsDeltaPercent!.Value, 9);
        Assert.Equal(was.LatencyMs.P95, open.BaselineP95Ms);
        Assert.Equal(now.LatencyMs.P95, open.P95Ms);
        Assert.Equal((now.LatencyMs.P95 - was.LatencyMs.P95) / was.LatencyMs.P95 * 100, open.P95DeltaPercent!.Value, 9);
        Assert.InRange(open.P95DeltaPercent.Value, 19.8, 20.2);
        Assert.InRange(open.P50DeltaPercent!.Value, 19.8, 20.2);
        Assert.InRange(open.P99DeltaPercent!.Value, 19.8, 20.2);
        Assert.Equal(0.125, open.FailRate);
        Assert.Equal(0, open.BaselineFailRate);
        Assert.Equal(12.5, open.FailRateDeltaPoints!.Value, 9);

        Assert.Null(comparison.Steps[0].Scenario);
        Assert.Equal(current.Totals.Requests, comparison.Steps[0].Requests);
        Assert.Equal(baseline.Totals.Requests, comparison.Steps[0].BaselineRequests);

        var added = comparison.Steps.Single(r => r.Scenario == "new" && r.Step == "only");
        Assert.Null(added.BaselineRequests);
        Assert.Null(added.P95DeltaPercent);
        Assert.Equal(["old", "old/only"], comparison.MissingInCurrent);
        Assert.Equal("base/report.json", comparison.File);
        Assert.Equal("old", comparison.Title);
    }

    [Fact]
    public void With_a_baseline_regression_thresholds_get_their_verdicts()
    {
        var baseline = Run(100, 10, failures: false, "old");
        var current = Run(120, 10, failures: false, "new", ["p95 +10%", "browse/open: p95 +25%", "new/only: p95 +10%", "p95 < 1s"]);
        Assert.Equal("failed", current.Thresholds[1].Outcome); // judged at the end of the run without a baseline

        var compared = current.WithBaseline(baseline, "base/report.json");

        Assert.Equal(["failed", "passed", "not-applicable", "passed"], compared.Thresholds.Select(t => t.Outcome));
        Assert.False(compared.ThresholdsPassed);
        Assert.Equal(baseline.Totals.LatencyMs.P95, compared.Thresholds[0].Baseline);
        Assert.Contains("vs baseline", compared.Thresholds[1].Line, StringComparison.Ordinal);
        Assert.NotNull(compared.Baseline);
    }

    [Fact]
    public void Thresholds_can_be_added_and_judged_on_a_report_read_from_disk()
    {
        var report = Run(100, 10, failures: false, "x", ["p95 < 1s"]);

        var judged = report.WithThresholds([.. report.ParseThresholds(), ThresholdParser.Parse("browse/open: p99 < 50ms"), ThresholdParser.Parse("p95 < 1s")]);

        Assert.Equal(["p95 < 1s", "browse/open: p99 < 50ms"], judged.Thresholds.Select(t => t.Expression));
        Assert.Equal(["passed", "failed"], judged.Thresholds.Select(t => t.Outcome));
        Assert.False(judged.ThresholdsPassed);
        Assert.IsType<LatencySummary>(judged.ToSnapshots()[0].Latency);
    }
}
