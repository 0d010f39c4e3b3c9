using OdooPerf.Load.Stats;
using OdooPerf.Load.Thresholds;
using Xunit;

namespace OdooPerf.Load.Tests.Thresholds;

public class AbortOnFailWatchTests
{
    private static AbortOnFailWatch Watch(long minRequests, params string[] expressions) =>
        new(ThresholdParser.ParseAll(expressions), minRequests);

    [Theory]
    [InlineData("failed == 0", EarlyJudgement.Monotonic)]
    [InlineData("failed < 10", EarlyJudgement.Monotonic)]
    [InlineData("requests <= 5000", EarlyJudgement.Monotonic)]
    [InlineData("ok == 100", EarlyJudgement.Monotonic)]
    [InlineData("max < 1m", EarlyJudgement.Monotonic)]
    [InlineData("min >= 1ms", EarlyJudgement.Monotonic)]
    [InlineData("p95 < 3s", EarlyJudgement.AfterMinRequests)]
    [InlineData("p99.9 <= 12s", EarlyJudgement.AfterMinRequests)]
    [InlineData("mean < 500ms", EarlyJudgement.AfterMinRequests)]
    [InlineData("fail_rate < 2%", EarlyJudgement.AfterMinRequests)]
    [InlineData("rps > 100", EarlyJudgement.Never)]
    [InlineData("requests >= 1000", EarlyJudgement.Never)]
    [InlineData("failed > 0", EarlyJudgement.Never)]
    [InlineData("max > 1s", EarlyJudgement.Never)]
    [InlineData("min < 1s", EarlyJudgement.Never)]
    [InlineData("p95 +20%", EarlyJudgement.Never)]
    public void Classifies_what_can_be_judged_before_the_end(string expression, EarlyJudgement expected)
    {
        Assert.Equal(expected, AbortOnFailWatch.JudgedEarly(ThresholdParser.Parse(expression)));
    }

    [Fact]
    public void Lists_the_thresholds_it_cannot_abort_on()
    {
        var watch = Watch(100, "p95 < 3s", "rps > 100", "failed == 0", "p95 +20%");

        Assert.Equal(["p95 < 3s", "failed == 0"], watch.Watched.Select(t => t.ToString()));
        Assert.Equal(["rps > 100", "p95 +20%"], watch.JudgedOnlyAtEnd.Select(t => t.ToString()));
    }

    [Fact]
    public void A_first_failure_aborts_a_failed_equals_zero_run_at_once()
    {
        var watch = Watch(1_000, "failed == 0");

        Assert.Null(watch.Check([TestSnapshots.Of(ok: 5, failed: 0)]));
        var verdict = watch.Check([TestSnapshots.Of(ok: 5, failed: 1)]);

        Assert.NotNull(verdict);
        Assert.Equal(VerdictOutcome.Failed, verdict.Outcome);
        Assert.Equal("failed == 0: 1 — failed", verdict.Line);
    }

    [Fact]
    public void An_equality_on_a_count_only_aborts_on_an_overshoot()
    {
        var watch = Watch(1, "requests == 100");

        Assert.Null(watch.Check([TestSnapshots.Of(ok: 50, failed: 0)]));
        Assert.Null(watch.Check([TestSnapshots.Of(ok: 100, failed: 0)]));
        Assert.NotNull(watch.Check([TestSnapshots.Of(ok: 101, failed: 0)]));
    }

    [Fact]
    public void A_max_beyond_its_limit_aborts_at_once_but_not_before_any_request()
    {
        var watch = Watch(1_000, "max < 10s", "min > 5ms");
        var noRequests = TestSnapshots.Of(ok: 0, failed: 0, latency: new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

        Assert.Null(watch.Check([noRequests]));
        var verdict = watch.Check([TestSnapshots.Of(ok: 3, failed: 0)]); // max is 12 s
        Assert.Equal("max < 10s: 12.00 s — failed", verdict?.Line);
    }

    [Fact]
    public void A_min_below_its_limit_aborts()
    {
        var watch = Watch(1_000, "min >= 20ms");

        Assert.Equal("min >= 20ms: 10 ms — failed", watch.Check([TestSnapshots.Of(ok: 3, failed: 0)])?.Line);
    }

    [Fact]
    public void A_percentile_is_judged_only_after_the_minimum_number_of_requests()
    {
        var watch = Watch(100, "p95 < 2s"); // the test snapshots have p95 = 2.41 s

        Assert.Null(watch.Check([TestSnapshots.Of(ok: 99, failed: 0)]));
        var verdict = watch.Check([TestSnapshots.Of(ok: 100, failed: 0)]);

        Assert.Equal("p95 < 2s: 2.41 s — failed", verdict?.Line);
    }

    [Fact]
    public void A_fail_rate_is_judged_only_after_the_minimum_number_of_requests()
    {
        var watch = Watch(200, "fail_rate < 2%");

        Assert.Null(watch.Check([TestSnapshots.Of(ok: 100, failed: 99)]));
        Assert.NotNull(watch.Check([TestSnapshots.Of(ok: 101, failed: 99)]));
    }

    [Fact]
    public void Passing_thresholds_and_never_early_ones_do_not_abort()
    {
        var watch = Watch(1, "p95 < 3s", "rps > 1000000", "requests >= 1000000", "p95 +1%");

        Assert.Null(watch.Check(TestSnapshots.Run()));
    }

    [Fact]
    public void A_scope_not_yet_seen_does_not_abort()
    {
        var watch = Watch(1, "later: failed == 0", "browse/open_form: p95 < 3s");
        var run = TestSnapshots.Run();

        // open_form's p95 is exactly 3 s, so only that one fails; 'later' has not started.
        Assert.Equal("p95 < 3s on browse/open_form: 3.00 s — failed", watch.Check(run)?.Line);
        Assert.Null(watch.Check(run.Where(s => s.Step is null)));
    }

    [Fact]
    public void The_minimum_number_of_requests_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AbortOnFailWatch([], 0));
    }
}
