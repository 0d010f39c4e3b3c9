using OdooPerf.Load.Reports;
using OdooPerf.Load.Running;
using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Simulations;
using OdooPerf.LoadTests.CommandLine;
using OdooPerf.LoadTests.GoLive;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Schema;
using Xunit;

namespace OdooPerf.LoadTests.Tests.GoLive;

public sealed class GoLiveTests
{
    [Theory]
    [InlineData(20, 1.5, 30)]
    [InlineData(60, 1.5, 90)]
    [InlineData(7, 1.5, 11)]
    [InlineData(1, 1.5, 2)]
    [InlineData(10, 1.0, 10)]
    [InlineData(3, 0.1, 1)]
    [InlineData(100, 1.1, 110)]
    public void Peak_users_are_the_ceiling_of_headroom_times_expected(int expected, double headroom, int peak) =>
        Assert.Equal(peak, RunCommandLine.PeakUsers(expected, headroom));

    [Fact]
    public void The_targets_give_each_scenario_its_bound_and_the_run_its_fail_rate()
    {
        var thresholds = new GoLiveTargets().Thresholds([new BrowseScenario(), new ReportLike()]);

        Assert.Equal(["browse: p95 < 3s", "reports-like: p95 < 10s", "fail_rate < 2%"], thresholds.Select(t => t.ToString()).ToArray());
    }

    [Fact]
    public void Targets_can_be_changed()
    {
        var targets = new GoLiveTargets { StandardP95 = TimeSpan.FromMilliseconds(1500), ReportP95 = TimeSpan.FromSeconds(20), MaxFailRatePercent = 0.5 };

        var thresholds = targets.Thresholds([new BrowseScenario(), new ReportLike()]);

        Assert.Equal(["browse: p95 < 1.5s", "reports-like: p95 < 20s", "fail_rate < 0.5%"], thresholds.Select(t => t.ToString()).ToArray());
    }

    [Theory]
    [InlineData("*prod*", "erp_prod_copy", true)]
    [InlineData("*prod*", "PRODUCTION", true)]
    [InlineData("*prod*", "staging", false)]
    [InlineData("erp-?", "erp-1", true)]
    [InlineData("erp-?", "erp-12", false)]
    [InlineData("a.b", "axb", false)]
    public void Protected_patterns_match_shell_style_and_ignore_case(string pattern, string database, bool matches) =>
        Assert.Equal(matches, WriteGuard.Matches(pattern, database));

    [Fact]
    public async Task A_complete_run_whose_thresholds_passed_is_GO()
    {
        var report = await ReportAsync(complete: true, failed: false);

        Assert.Equal(GoLiveVerdict.Go, GoLiveVerdict.Decide(report));
        Assert.Equal("VERDICT: GO", GoLiveVerdict.Line(report));
    }

    [Fact]
    public async Task A_failed_threshold_or_an_incomplete_run_is_NO_GO_with_the_reasons()
    {
        var failed = await ReportAsync(complete: true, failed: true);
        var interrupted = await ReportAsync(complete: false, failed: false);

        Assert.Equal("VERDICT: NO-GO (p95 < 3s on browse: 4.20 s)", GoLiveVerdict.Line(failed));
        Assert.Equal(GoLiveVerdict.NoGo, GoLiveVerdict.Decide(interrupted));
        Assert.Equal("VERDICT: NO-GO (the run did not reach its planned end (interrupted))", GoLiveVerdict.Line(interrupted));
    }

    // A real report of a tiny run, with the outcome the test needs.
    private static async Task<LoadReport> ReportAsync(bool complete, bool failed)
    {
        var scenario = Scenario.Create("browse", context => context.Step("noop", () => Task.FromResult(StepResult.Ok())))
            .WithLoad(Simulation.KeepUsers(1, TimeSpan.FromMilliseconds(100)));
        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();
        var report = LoadReportBuilder.Build(result, "go-live");
        return report with
        {
            Complete = complete,
            StopReason = complete ? StopReasons.Completed : StopReasons.Interrupted,
            ThresholdsPassed = !failed,
            Thresholds =
            [
                new ThresholdReport
                {
                    Expression = "browse: p95 < 3s",
                    Outcome = failed ? ThresholdReport.OutcomeFailed : ThresholdReport.OutcomePassed,
                    Actual = failed ? 4200 : 1200,
                    Line = failed ? "p95 < 3s on browse: 4.20 s — failed" : "p95 < 3s on browse: 1.20 s — passed",
                },
            ],
        };
    }

    private sealed class ReportLike : OdooScenario
    {
        public override string Name => "reports-like";

        public override string Summary => "";

        public override string? Writes => null;

        public override IReadOnlyList<string> RequiredApps => [];

        public override IReadOnlyList<string> Models => [];

        public override object ResolveFields(ScenarioFields fields, OdooRunData run) => this;

        public override bool IsReport => true;

        public override Task RunAsync(OdooIteration iteration) => Task.CompletedTask;
    }
}
