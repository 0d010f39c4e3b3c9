using OdooPerf.Testing;
using OdooPerf.Load.Stats;
using Xunit;

namespace OdooPerf.Load.Tests.Stats;

public sealed class StepStatsTests
{
    [Fact]
    public void Counts_from_many_threads_are_exact()
    {
        const int threads = 8;
        const int perThread = 50_000;
        var run = new RunStats(clock: new ManualClock());
        var step = run.Step("browse", "open_form");

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                if (i % 10 == 0)
                {
                    step.RecordFailure(TimeSpan.FromMilliseconds(500), "timeout", bytesSent: 3, bytesReceived: 0);
                }
                else
                {
                    step.RecordOk(TimeSpan.FromMilliseconds(1 + (i % 50)), 200, bytesSent: 3, bytesReceived: 7);
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => Assert.True(w.Join(TimeSpan.FromSeconds(60)), "a recording thread did not finish"));

        var snapshot = run.Snapshot("browse", "open_form");
        Assert.Equal(threads * perThread / 10, snapshot.Failed);
        Assert.Equal(threads * perThread * 9 / 10, snapshot.Ok);
        Assert.Equal(threads * perThread / 10, snapshot.FailuresByReason["timeout"]);
        Assert.Equal(threads * perThread * 9 / 10, snapshot.StatusCodes[200]);
        Assert.Equal(threads * perThread * 3L, snapshot.BytesSent);
        Assert.Equal(threads * perThread * 9 / 10 * 7L, snapshot.BytesReceived);
        Assert.Equal(threads * perThread, run.Histogram("browse", "open_form").TotalCount);
    }

    [Fact]
    public void Reasons_beyond_the_cap_are_folded_into_other()
    {
        var run = new RunStats(new RunStatsOptions { MaxFailureReasons = 3 }, new ManualClock());
        var step = run.Step("s", "login");
        foreach (var reason in new[] { "timeout", "http_500", "timeout", "access_denied", "order 41 locked", "order 42 locked", "http_500" })
        {
            step.RecordFailure(TimeSpan.FromMilliseconds(5), reason);
        }

        var failures = run.Snapshot("s", "login").FailuresByReason;
        Assert.Equal(
            new Dictionary<string, long> { ["timeout"] = 2, ["http_500"] = 2, ["access_denied"] = 1, ["other"] = 2 },
            failures.OrderBy(kv => kv.Key).ToDictionary());
    }

    [Fact]
    public void Status_codes_are_counted_and_impossible_ones_go_under_zero()
    {
        var run = new RunStats(clock: new ManualClock());
        var step = run.Step("s", "get");
        step.RecordOk(TimeSpan.FromMilliseconds(1), 200);
        step.RecordOk(TimeSpan.FromMilliseconds(1), 200);
        step.RecordFailure(TimeSpan.FromMilliseconds(1), "http_503", 503);
        step.RecordFailure(TimeSpan.FromMilliseconds(1), "weird", 1234);
        step.RecordFailure(TimeSpan.FromMilliseconds(1), "connection_refused");

        var codes = run.Snapshot("s", "get").StatusCodes;
        Assert.Equal(new Dictionary<int, long> { [0] = 1, [200] = 2, [503] = 1 }, codes.OrderBy(kv => kv.Key).ToDictionary());
    }

    [Fact]
    public void Latencies_above_five_minutes_are_clamped_and_counted()
    {
        var run = new RunStats(clock: new ManualClock());
        var step = run.Step("s", "report");
        step.RecordOk(TimeSpan.FromMinutes(7));
        step.RecordOk(TimeSpan.FromMinutes(5));
        step.RecordOk(TimeSpan.FromMilliseconds(20));

        var snapshot = run.Snapshot("s", "report");

        Assert.Equal(1, snapshot.ClampedLatencies);
        Assert.Equal(3, snapshot.Ok);
        Assert.InRange(snapshot.Latency.MaxMs, 300_000 * 0.999, 300_000 * 1.001);
    }

    [Fact]
    public void Negative_latencies_count_as_zero()
    {
        var run = new RunStats(clock: new ManualClock());
        run.Step("s", "x").RecordOk(TimeSpan.FromMilliseconds(-3));

        var snapshot = run.Snapshot("s", "x");
        Assert.Equal(1, snapshot.Ok);
        Assert.Equal(0, snapshot.Latency.MaxMs);
    }
}
