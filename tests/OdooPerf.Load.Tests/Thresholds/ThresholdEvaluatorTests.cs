using OdooPerf.Load.Stats;
using OdooPerf.Load.Thresholds;
using Xunit;

namespace OdooPerf.Load.Tests.Thresholds;

public class ThresholdEvaluatorTests
{
    private static ThresholdVerdict JudgeOne(string expression, params StatsSnapshot[] run) =>
        Assert.Single(ThresholdEvaluator.Evaluate([ThresholdParser.Parse(expression)], run).Verdicts);

    private static StatsSnapshot WithP95(double ms) => TestSnapshots.Of(latency: TestSnapshots.Latency with { P95Ms = ms });

    [Theory]
    [InlineData("p95 < 3s", 2_999.999, VerdictOutcome.Passed)]
    [InlineData("p95 < 3s", 3_000, VerdictOutcome.Failed)]
    [InlineData("p95 <= 3s", 3_000, VerdictOutcome.Passed)]
    [InlineData("p95 <= 3s", 3_000.001, VerdictOutcome.Failed)]
    [InlineData("p95 > 3s", 3_000, VerdictOutcome.Failed)]
    [InlineData("p95 >= 3s", 3_000, VerdictOutcome.Passed)]
    [InlineData("p95 == 3000ms", 3_000, VerdictOutcome.Passed)]
    [InlineData("p95 == 3000ms", 3_000.5, VerdictOutcome.Failed)]
    [InlineData("p95 < 0.05m", 3_000, VerdictOutcome.Failed)]
    [InlineData("p95 <= 0.05m", 3_000, VerdictOutcome.Passed)]
    [InlineData("p95 <= 1.1s", 1_100, VerdictOutcome.Passed)]
    public void Latency_limits_at_their_boundary(string expression, double p95Ms, VerdictOutcome expected)
    {
        var verdict = JudgeOne(expression, WithP95(p95Ms));
        Assert.Equal(expected, verdict.Outcome);
        Assert.Equal(p95Ms, verdict.Actual);
    }

    [Theory]
    [InlineData("min > 10ms", VerdictOutcome.Failed)]
    [InlineData("min >= 10ms", VerdictOutcome.Passed)]
    [InlineData("mean < 400ms", VerdictOutcome.Failed)]
    [InlineData("mean <= 400ms", VerdictOutcome.Passed)]
    [InlineData("stddev <= 150ms", VerdictOutcome.Passed)]
    [InlineData("stddev < 150ms", VerdictOutcome.Failed)]
    [InlineData("p50 <= 350ms", VerdictOutcome.Passed)]
    [InlineData("p50 < 350ms", VerdictOutcome.Failed)]
    [InlineData("p75 <= 600ms", VerdictOutcome.Passed)]
    [InlineData("p75 < 600ms", VerdictOutcome.Failed)]
    [InlineData("p90 <= 1.5s", VerdictOutcome.Passed)]
    [InlineData("p90 < 1.5s", VerdictOutcome.Failed)]
    [InlineData("p99 <= 5s", VerdictOutcome.Passed)]
    [InlineData("p99 < 5s", VerdictOutcome.Failed)]
    [InlineData("p99.9 <= 9s", VerdictOutcome.Passed)]
    [InlineData("p99.9 < 9s", VerdictOutcome.Failed)]
    [InlineData("max <= 12s", VerdictOutcome.Passed)]
    [InlineData("max < 12s", VerdictOutcome.Failed)]
    public void Each_latency_metric_reads_its_own_figure(string expression, VerdictOutcome expected)
    {
        Assert.Equal(expected, JudgeOne(expression, TestSnapshots.Of()).Outcome);
    }

    [Theory]
    // 20 failed of 1000 = exactly 2%.
    [InlineData("fail_rate < 2%", VerdictOutcome.Failed)]
    [InlineData("fail_rate <= 2%", VerdictOutcome.Passed)]
    [InlineData("fail_rate < 0.02", VerdictOutcome.Failed)]
    [InlineData("fail_rate <= 0.02", VerdictOutcome.Passed)]
    [InlineData("fail_rate < 2.1%", VerdictOutcome.Passed)]
    // 1000 requests in 10 s = exactly 100/s.
    [InlineData("rps > 100", VerdictOutcome.Failed)]
    [InlineData("rps >= 100", VerdictOutcome.Passed)]
    [InlineData("requests >= 1000", VerdictOutcome.Passed)]
    [InlineData("requests > 1000", VerdictOutcome.Failed)]
    [InlineData("failed == 20", VerdictOutcome.Passed)]
    [InlineData("failed == 0", VerdictOutcome.Failed)]
    [InlineData("failed < 20", VerdictOutcome.Failed)]
    [InlineData("ok >= 980", VerdictOutcome.Passed)]
    [InlineData("ok > 980", VerdictOutcome.Failed)]
    public void Rate_throughput_and_count_limits_at_their_boundary(string expression, VerdictOutcome expected)
    {
        Assert.Equal(expected, JudgeOne(expression, TestSnapshots.Of(ok: 980, failed: 20, durationSeconds: 10)).Outcome);
    }

    [Fact]
    public void Failed_is_zero_when_nothing_failed()
    {
        var verdict = JudgeOne("failed == 0", TestSnapshots.Of(ok: 10, failed: 0));
        Assert.Equal(VerdictOutcome.Passed, verdict.Outcome);
        Assert.Equal(0, verdict.Actual);
    }

    [Theory]
    [InlineData("p95 < 3s", 2_410)]
    [InlineData("browse: p95 < 3s", 2_410)]
    [InlineData("browse/open_form: p95 < 3s", 3_000)]
    [InlineData("browse/sale.order-list: p95 < 3s", 800)]
    [InlineData("checkout: p95 < 3s", 4_000)]
    public void A_scope_resolves_to_its_own_snapshot(string expression, double expectedP95)
    {
        var verdict = JudgeOne(expression, TestSnapshots.Run());
        Assert.Equal(expectedP95, verdict.Actual);
        Assert.Equal(expectedP95 < 3_000 ? VerdictOutcome.Passed : VerdictOutcome.Failed, verdict.Outcome);
    }

    [Theory]
    [InlineData("brwose: p95 < 3s", "no such scenario 'brwose'")]
    [InlineData("Browse: p95 < 3s", "no such scenario 'Browse'")]
    [InlineData("brwose/open_form: p95 < 3s", "no such scenario 'brwose'")]
    [InlineData("browse/open_from: p95 < 3s", "no such step 'open_from' in scenario 'browse'")]
    [InlineData("checkout/pay: failed == 0", "no such step 'pay' in scenario 'checkout'")]
    public void An_unknown_scope_fails_so_a_typo_never_passes(string expression, string reason)
    {
        var verdict = JudgeOne(expression, TestSnapshots.Run());
        Assert.Equal(VerdictOutcome.Failed, verdict.Outcome);
        Assert.Null(verdict.Actual);
        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void A_run_without_whole_run_stats_fails_a_run_threshold()
    {
        var verdict = JudgeOne("p95 < 3s", TestSnapshots.Of("browse"));
        Assert.Equal(VerdictOutcome.Failed, verdict.Outcome);
        Assert.Equal("no whole-run stats", verdict.Reason);
    }

    [Theory]
    [InlineData("p95 < 3s", VerdictOutcome.Failed, "no requests to judge")]
    [InlineData("fail_rate < 2%", VerdictOutcome.Failed, "no requests to judge")]
    [InlineData("failed == 0", VerdictOutcome.Passed, null)]
    [InlineData("requests >= 1", VerdictOutcome.Failed, null)]
    [InlineData("rps >= 0", VerdictOutcome.Passed, null)]
    public void A_scope_without_requests_fails_latency_and_rate_limits_but_counts_still_count(
        string expression, VerdictOutcome expected, string? reason)
    {
        var empty = TestSnapshots.Of(ok: 0, failed: 0, latency: new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        var verdict = JudgeOne(expression, empty);
        Assert.Equal(expected, verdict.Outcome);
        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void A_latency_that_is_not_a_number_fails()
    {
        var verdict = JudgeOne("p95 < 3s", WithP95(double.NaN));
        Assert.Equal(VerdictOutcome.Failed, verdict.Outcome);
        Assert.Equal("p95 < 3s: not a number — failed", verdict.Line);
    }

    [Theory]
    [InlineData("browse: p95 < 3s", "p95 < 3s on browse: 2.41 s — passed")]
    [InlineData("p95 < 2s", "p95 < 2s: 2.41 s — failed")]
    [InlineData("mean < 500ms", "mean < 500ms: 400 ms — passed")]
    [InlineData("min < 500ms", "min < 500ms: 10 ms — passed")]
    [InlineData("fail_rate < 2%", "fail_rate < 2%: 2% — failed")]
    [InlineData("fail_rate <= 0.02", "fail_rate <= 0.02: 2% — passed")]
    [InlineData("rps > 100", "rps > 100: 100/s — failed")]
    [InlineData("requests >= 1000", "requests >= 1000: 1000 — passed")]
    [InlineData("browse/open_form: failed == 0", "failed == 0 on browse/open_form: 20 — failed")]
    [InlineData("brwose: p95 < 3s", "p95 < 3s on brwose: no such scenario 'brwose' — failed")]
    public void Each_verdict_has_a_human_line(string expression, string line)
    {
        Assert.Equal(line, JudgeOne(expression, TestSnapshots.Run()).Line);
    }

    [Fact]
    public void Several_thresholds_are_judged_in_order_and_any_failure_fails_the_run()
    {
        var thresholds = ThresholdParser.ParseAll(["p95 < 3s", "checkout: p95 < 3s", "browse/open_form: p95 <= 3s"]);

        var result = ThresholdEvaluator.Evaluate(thresholds, TestSnapshots.Run());

        Assert.Equal([VerdictOutcome.Passed, VerdictOutcome.Failed, VerdictOutcome.Passed], result.Verdicts.Select(v => v.Outcome));
        Assert.Same(thresholds[1], Assert.Single(result.Failures).Threshold);
        Assert.False(result.AllPassed);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Thresholds_built_in_code_are_judged_like_parsed_ones()
    {
        var threshold = new LimitThreshold(ThresholdScope.ForStep("browse", "open_form"), ThresholdMetric.P95, ComparisonOperator.LessOrEqual, 3_000);

        var verdict = Assert.Single(ThresholdEvaluator.Evaluate([threshold], TestSnapshots.Run()).Verdicts);

        Assert.Equal(VerdictOutcome.Passed, verdict.Outcome);
        Assert.Equal("p95 <= 3s on browse/open_form: 3.00 s — passed", verdict.Line);
    }
}
