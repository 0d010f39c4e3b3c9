using System.Diagnostics;
using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

[Collection(nameof(EngineCollection))]
public sealed class ClosedModelTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Keep_users_holds_exactly_that_many_requests_in_flight_at_the_server()
    {
        const int users = 8;
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(100));
        var scenario = HttpScenarios.OneGet("keep", server, Simulation.KeepUsers(users, 2 * Second));

        var start = Stopwatch.GetTimestamp();
        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        // Never more than N at once: a user starts its next request only after its last one ended.
        Assert.Equal(users, server.MaxInFlight);
        // During the steady part (after the users' first connections, before they stop) the server sits at N: it
        // only drops below between a response and the user's next request, well under a millisecond on loopback
        // against a 100 ms service time, so 80% leaves room for a busy machine and still fails at N-1 or N+1.
        var steadyFrom = start + Stopwatch.Frequency / 2;
        var steadyTo = start + 3 * Stopwatch.Frequency / 2;
        Assert.True(server.TimeShareAt(users, steadyFrom, steadyTo) >= 0.8,
            $"N in flight {server.TimeShareAt(users, steadyFrom, steadyTo):P0} of the steady second");
        Assert.Equal(users, result.Scenarios[0].PeakUsers);
        Assert.Equal(users, result.Scenarios[0].PeakTargetUsers);
        Assert.Equal(users, result.Stats.PeakUsers);
        // Every request the server answered is recorded, OK, once (all in flight at the end were let finish).
        var snapshot = result.Stats.Snapshot("keep", HttpScenarios.Step);
        Assert.Equal(server.Requests, snapshot.Requests);
        Assert.Equal(0, snapshot.Failed);
        // 8 users × 2 s / 100 ms = 160 requests at best; a driver that lost users or paused would fall well short.
        Assert.InRange(snapshot.Requests, 130, 170);
        Assert.Equal(snapshot.Requests, result.Scenarios[0].IterationsStarted);
    }

    [Fact]
    public async Task Ramp_users_climbs_linearly_to_its_target()
    {
        const int users = 10;
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(50));
        // Users are round(10·t/2 s): one more every 200 ms, the 10th from 1.9 s; the keep phase holds it.
        var scenario = HttpScenarios.OneGet("ramp", server, Simulation.RampUsers(users, 2 * Second), Simulation.KeepUsers(users, Second / 2));
        var interval = TimeSpan.FromMilliseconds(500);

        var start = Stopwatch.GetTimestamp();
        var result = await new LoadRunner(new LoadRunOptions
        {
            Scenarios = [scenario],
            Stats = new RunStatsOptions { Interval = interval },
        }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.Equal(users, server.MaxInFlight);
        Assert.Equal(users, result.Scenarios[0].PeakUsers);
        // The most users in each interval is about 5·t at the interval's end t (10 from 2 s on, the keep phase);
        // ±1 for the rounding and the runner's 50 ms tick. Interval ends are read from the series, since the runner closes them on its
        // own 250 ms tick.
        var intervals = result.Stats.Intervals;
        var ramp = intervals.Where(p => p.End - result.StartedAt <= 2 * Second).ToArray();
        Assert.True(ramp.Length >= 3, $"only {ramp.Length} intervals in the ramp");
        foreach (var point in intervals.SkipLast(1))
        {
            var end = (point.End - result.StartedAt).TotalSeconds;
            var expected = end >= 2 ? users : (int)Math.Floor(5 * end);
            Assert.InRange(point.UsersByScenario["ramp"], expected - 1, Math.Min(users, expected + 1));
        }

        Assert.Contains(intervals, p => p.UsersByScenario["ramp"] == users);
        // The server sees the same ramp: around 0.5 s, 1 s and 1.5 s (±100 ms) it mostly had about 2, 5 and 7 in flight.
        foreach (var (seconds, want) in new[] { (0.5, 2), (1.0, 5), (1.5, 7) })
        {
            var at = start + (long)(seconds * Stopwatch.Frequency);
            var seen = server.LevelHeldLongest(at - Stopwatch.Frequency / 10, at + Stopwatch.Frequency / 10);
            Assert.InRange(seen, want - 1, want + 1);
        }
    }

    [Fact]
    public async Task A_ramp_down_lets_users_finish_and_stop()
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(50));
        var scenario = HttpScenarios.OneGet("down", server, Simulation.KeepUsers(6, Second / 2), Simulation.RampUsers(2, Second / 2),
            Simulation.KeepUsers(2, Second / 2));

        var start = Stopwatch.GetTimestamp();
        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.Equal(6, server.MaxInFlight);
        // In the last phase only 2 remain (after a 50 ms grace for the users that were mid-request at the switch).
        var lastFrom = start + (long)(1.1 * Stopwatch.Frequency);
        var lastTo = start + (long)(1.45 * Stopwatch.Frequency);
        Assert.Equal(2, server.MaxLevel(lastFrom, lastTo));
        Assert.Equal(0, result.Stats.Snapshot("down").Failed);
    }
}
