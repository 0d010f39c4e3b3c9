using OdooPerf.Testing;
using OdooPerf.Load.Stats;
using Xunit;

namespace OdooPerf.Load.Tests.Stats;

public sealed class RunStatsSeriesTests
{
    private static void Near(double expected, double actual) =>
        Assert.InRange(actual, expected * 0.999 - 0.001, expected * 1.001 + 0.001);

    private static void Record(StepStats step, int ok, int failed, double ms)
    {
        for (var i = 0; i < ok; i++)
        {
            step.RecordOk(TimeSpan.FromMilliseconds(ms));
        }

        for (var i = 0; i < failed; i++)
        {
            step.RecordFailure(TimeSpan.FromMilliseconds(ms), "timeout");
        }
    }

    [Fact]
    public void Each_interval_has_its_own_counts_throughput_and_percentiles()
    {
        var clock = new ManualClock();
        var run = new RunStats(new RunStatsOptions { Interval = TimeSpan.FromSeconds(5) }, clock);
        var login = run.Step("sales", "login");
        var order = run.Step("sales", "confirm_order");
        var browse = run.Step("browse", "list");

        Record(login, ok: 10, failed: 0, ms: 1);
        Record(browse, ok: 5, failed: 0, ms: 100);
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(run.CloseDueIntervals());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(run.CloseDueIntervals());

        Record(order, ok: 15, failed: 5, ms: 10);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(run.CloseDueIntervals());

        var points = run.Intervals;
        Assert.Equal(2, points.Count);
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromSeconds(10), points[0].Start);
        Assert.Equal(points[0].End, points[1].Start);

        var first = points[0].Stats.Single(s => s.Step == "login");
        Assert.Equal(10, first.Requests);
        Assert.Equal(2.0, first.RequestsPerSecond);
        Near(1, first.P99Ms);
        Assert.Equal(0, points[0].Stats.Single(s => s.Step == "confirm_order").Requests);
        var firstSales = points[0].Stats.Single(s => s.Scenario == "sales" && s.Step is null);
        Assert.Equal(10, firstSales.Requests);
        Assert.Equal(15, points[0].Total.Requests);
        Near(100, points[0].Total.P99Ms); // the run's interval merges both scenarios' latencies
        Near(1, points[0].Total.P50Ms);

        var second = points[1].Stats.Single(s => s.Step == "confirm_order");
        Assert.Equal(20, second.Requests);
        Assert.Equal(5, second.Failed);
        Assert.Equal(4.0, second.RequestsPerSecond);
        Near(10, second.P50Ms);
        Assert.Equal(0, points[1].Stats.Single(s => s.Step == "login").Requests);
        Assert.Equal(20, points[1].Total.Requests);
    }

    [Fact]
    public void A_late_tick_makes_one_longer_interval_with_the_right_throughput()
    {
        var clock = new ManualClock();
        var run = new RunStats(new RunStatsOptions { Interval = TimeSpan.FromSeconds(5) }, clock);
        Record(run.Step("s", "a"), ok: 30, failed: 0, ms: 1);
        clock.Advance(TimeSpan.FromSeconds(15));

        Assert.True(run.CloseDueIntervals());
        Assert.False(run.CloseDueIntervals());

        var point = Assert.Single(run.Intervals);
        Assert.Equal(15, point.DurationSeconds);
        Assert.Equal(2.0, point.Total.RequestsPerSecond);
    }

    [Fact]
    public void Users_per_interval_are_the_maximum_reached_not_the_last_value()
    {
        var clock = new ManualClock();
        var run = new RunStats(new RunStatsOptions { Interval = TimeSpan.FromSeconds(1) }, clock);
        var sales = run.Users("sales");
        var browse = run.Users("browse");

        sales.Set(3);
        sales.Set(7);
        sales.Set(2);
        browse.Increment();
        browse.Increment();
        browse.Decrement();
        clock.Advance(TimeSpan.FromSeconds(1));
        run.CloseDueIntervals();
        clock.Advance(TimeSpan.FromSeconds(1));
        run.CloseDueIntervals();

        var points = run.Intervals;
        Assert.Equal(7, points[0].UsersByScenario["sales"]);
        Assert.Equal(2, points[0].UsersByScenario["browse"]);
        Assert.Equal(2, points[1].UsersByScenario["sales"]); // nothing changed: the level carried over
        Assert.Equal(1, points[1].UsersByScenario["browse"]);
        Assert.Equal(9, run.PeakUsers);
        Assert.Equal(7, sales.Peak);
    }

    [Fact]
    public void A_full_series_is_widened_by_merging_neighbours()
    {
        var clock = new ManualClock();
        var run = new RunStats(new RunStatsOptions { Interval = TimeSpan.FromSeconds(1), MaxIntervals = 4 }, clock);
        var step = run.Step("s", "a");
        var latencies = new[] { 1.0, 50.0, 3.0, 4.0 };
        for (var i = 0; i < 4; i++)
        {
            Record(step, ok: i + 1, failed: i == 1 ? 1 : 0, ms: latencies[i]);
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True(run.CloseDueIntervals());
        }

        var points = run.Intervals;
        Assert.Equal(2, points.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), run.Interval);
        Assert.Equal(1 + 3, points[0].Total.Requests); // 1, then 2 OK + 1 failed
        Assert.Equal(1, points[0].Total.Failed);
        Assert.Equal(2, points[0].DurationSeconds);
        Assert.Equal(2.0, points[0].Total.RequestsPerSecond);
        Near(50, points[0].Total.P50Ms); // widened percentiles are the larger of the two
        Assert.Equal(3 + 4, points[1].Total.Requests);

        // The next interval is the wider one.
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(run.CloseDueIntervals());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(run.CloseDueIntervals());
        Assert.Equal(3, run.Intervals.Count);
    }

    [Fact]
    public void Complete_closes_the_partial_interval_and_freezes_the_duration()
    {
        var clock = new ManualClock();
        var run = new RunStats(new RunStatsOptions { Interval = TimeSpan.FromSeconds(5) }, clock);
        Record(run.Step("s", "a"), ok: 4, failed: 0, ms: 2);
        clock.Advance(TimeSpan.FromSeconds(2));

        run.Complete();
        clock.Advance(TimeSpan.FromSeconds(30));

        var point = Assert.Single(run.Intervals);
        Assert.Equal(2, point.DurationSeconds);
        Assert.Equal(4, point.Total.Requests);
        Assert.Equal(2, run.Snapshot().DurationSeconds);
        Assert.Equal(2.0, run.Snapshot().RequestsPerSecond);
        Assert.False(run.CloseDueIntervals());
    }

    [Fact]
    public void Snapshots_are_the_same_before_and_after_an_interval_close()
    {
        var clock = new ManualClock();
        var run = new RunStats(new RunStatsOptions { Interval = TimeSpan.FromSeconds(1) }, clock);
        var step = run.Step("s", "a");
        Record(step, ok: 10, failed: 0, ms: 3);
        clock.Advance(TimeSpan.FromSeconds(1));
        run.CloseDueIntervals();
        Record(step, ok: 10, failed: 2, ms: 30);

        var snapshot = run.Snapshot("s", "a");
        Assert.Equal(20, snapshot.Ok);
        Assert.Equal(2, snapshot.Failed);
        Near(30, snapshot.Latency.MaxMs);
        Near(3, snapshot.Latency.MinMs);
        Assert.Equal(22, run.Histogram().TotalCount);
    }
}
