using OdooPerf.Load.Stats;
using OdooPerf.Load.Thresholds;
using Xunit;

namespace OdooPerf.Load.Tests.Thresholds;

public class RegressionThresholdTests
{
    private static StatsSnapshot[] RunWithP95(double wholeRunMs, double openFormMs) =>
    [
        TestSnapshots.Of(latency: TestSnapshots.Latency with { P95Ms = wholeRunMs }),
        TestSnapshots.Of("browse"),
        TestSnapshots.Of("browse", "open_form", latency: TestSnapshots.Latency with { P95Ms = openFormMs }),
    ];

    private static ThresholdVerdict Judge(string expression, StatsSnapshot[] current, StatsSnapshot[]? baseline) =>
        Assert.Single(ThresholdEvaluator.Evaluate([ThresholdParser.Parse(expression)], current, baseline).Verdicts);

    [Theory]
    [InlineData(2_000, 2_400, VerdictOutcome.Passed)] // exactly +20% is allowed
    [InlineData(2_000, 2_400.5, VerdictOutcome.Failed)]
    [InlineData(2_000, 1_000, VerdictOutcome.Passed)] // getting faster is never a regression
    [InlineData(1_100, 1_320, VerdictOutcome.Passed)] // 1100 * 1.2 is 1320.0000000000002 in binary floating point
    [InlineData(0, 0, VerdictOutcome.Passed)]
    [InlineData(0, 0.001, VerdictOutcome.Failed)] // 20% of nothing is nothing
    public void An_increase_up_to_the_allowance_passes(double baselineMs, double currentMs, VerdictOutcome expected)
    {
        var verdict = Judge("p95 +20%", RunWithP95(currentMs, 1), RunWithP95(baselineMs, 1));

        Assert.Equal(expected, verdict.Outcome);
        Assert.Equal(currentMs, verdict.Actual);
        Assert.Equal(baselineMs, verdict.Baseline);
    }

    [Theory]
    [InlineData(10, 100, 90, VerdictOutcome.Passed)]
    [InlineData(10, 100, 89.9, VerdictOutcome.Failed)]
    [InlineData(10, 100, 150, VerdictOutcome.Passed)]
    [InlineData(100, 100, 0, VerdictOutcome.Passed)]
    public void A_throughput_may_drop_by_the_allowance(double percent, double baselineRps, double currentRps, VerdictOutcome expected)
    {
        var baseline = TestSnapshots.Of(ok: (long)(baselineRps * 10), failed: 0, durationSeconds: 10);
        var current = TestSnapshots.Of(ok: (long)Math.Round(currentRps * 10), failed: 0, durationSeconds: 10);

        var verdict = Judge($"rps -{percent}%", [current], [baseline]);

        Assert.Equal(expected, verdict.Outcome);
    }

    [Fact]
    public void The_scope_is_compared_with_the_same_scope_of_the_baseline()
    {
        // The whole run got much slower, the step did not: a step-scoped regression looks at the step only.
        var verdict = Judge("browse/open_form: p95 +20%", RunWithP95(9_000, 1_150), RunWithP95(1_000, 1_000));

        Assert.Equal(VerdictOutcome.Passed, verdict.Outcome);
        Assert.Equal(1_000, verdict.Baseline);
        Assert.Equal("p95 +20% on browse/open_form: 1.15 s vs baseline 1.00 s (+15%) — passed", verdict.Line);
    }

    [Fact]
    public void A_failed_regression_line_shows_the_change()
    {
        var verdict = Judge("p95 +10%", RunWithP95(2_410, 1), RunWithP95(2_100, 1));

        Assert.Equal(VerdictOutcome.Failed, verdict.Outcome);
        Assert.Equal("p95 +10%: 2.41 s vs baseline 2.10 s (+14.8%) — failed", verdict.Line);
    }

    [Fact]
    public void A_step_new_since_the_baseline_is_not_applicable_and_does_not_fail_the_run()
    {
        var baseline = new[] { TestSnapshots.Of(), TestSnapshots.Of("browse") };

        var result = ThresholdEvaluator.Evaluate(
            [ThresholdParser.Parse("browse/open_form: p95 +20%")], RunWithP95(1_000, 1_000), baseline);

        var verdict = Assert.Single(result.Verdicts);
        Assert.Equal(VerdictOutcome.NotApplicable, verdict.Outcome);
        Assert.Equal("no such step 'open_form' in scenario 'browse' in the baseline", verdict.Reason);
        Assert.Equal(
            "p95 +20% on browse/open_form: no such step 'open_form' in scenario 'browse' in the baseline — not applicable",
            verdict.Line);
        Assert.True(result.AllPassed);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void A_scope_missing_from_the_current_run_fails_even_with_a_baseline()
    {
        var verdict = Judge("brwose: p95 +20%", RunWithP95(1_000, 1_000), RunWithP95(1_000, 1_000));

        Assert.Equal(VerdictOutcome.Failed, verdict.Outcome);
        Assert.Equal("no such scenario 'brwose'", verdict.Reason);
    }

    [Fact]
    public void A_regression_threshold_without_a_baseline_fails()
    {
        var verdict = Judge("p95 +20%", RunWithP95(1_000, 1_000), baseline: null);

        Assert.Equal(VerdictOutcome.Failed, verdict.Outcome);
        Assert.Equal("needs a baseline report to compare with", verdict.Reason);
    }

    [Fact]
    public void A_fail_rate_regression_is_relative_to_the_baseline_rate()
    {
        var baseline = TestSnapshots.Of(ok: 980, failed: 20); // 2%
        var same = TestSnapshots.Of(ok: 970, failed: 30); // 3% = +50%
        var worse = TestSnapshots.Of(ok: 969, failed: 31);

        Assert.Equal(VerdictOutcome.Passed, Judge("fail_rate +50%", [same], [baseline]).Outcome);
        Assert.Equal(VerdictOutcome.Failed, Judge("fail_rate +50%", [worse], [baseline]).Outcome);
    }

    [Fact]
    public void Limit_and_regression_thresholds_mix_in_one_evaluation()
    {
        var thresholds = ThresholdParser.ParseAll(["p95 < 3s", "p95 +20%"]);

        var result = ThresholdEvaluator.Evaluate(thresholds, RunWithP95(2_500, 1), RunWithP95(2_000, 1));

        Assert.Equal([VerdictOutcome.Passed, VerdictOutcome.Failed], result.Verdicts.Select(v => v.Outcome));
        Assert.Equal(ExitCodes.ThresholdFailed, result.ExitCode);
    }
}
