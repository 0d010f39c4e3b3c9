using System.Diagnostics;
using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

[Collection(nameof(EngineCollection))]
public sealed class SegmentRunTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Open_model_segments_together_start_exactly_the_whole_runs_iterations()
    {
        // 101 arrivals (a ramp's 25 then 76 at 76/s): not a multiple of 3, so the segments' shares differ.
        LoadSimulation[] phases = [Simulation.RampRate(0, 50, Second), Simulation.InjectRate(76, Second)];
        await using var whole = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(1));
        await using var split = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(1));

        // The whole run and its three segments, all at once (the segments as three generators would run them).
        var runs = new ExecutionSegment[] { ExecutionSegment.Whole, new(1, 3), new(2, 3), new(3, 3) }
            .Select(segment => new LoadRunner(new LoadRunOptions
            {
                Scenarios = [HttpScenarios.OneGet("open", segment.IsWhole ? whole : split, phases)],
                Segment = segment,
            }).RunAsync())
            .ToArray();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.Equal(StopReason.Completed, r.StopReason));
        Assert.Equal(101, results[0].Scenarios[0].IterationsStarted);
        Assert.Equal(101, whole.Requests);
        // Iterations are dealt in turn: 34, 34, 33.
        Assert.Equal([34L, 34L, 33L], results[1..].Select(r => r.Scenarios[0].IterationsStarted));
        Assert.Equal(101, split.Requests);
        Assert.Equal(101, results[1..].Sum(r => r.Stats.Snapshot().Requests));
        Assert.All(results, r => Assert.Equal(0, r.DroppedIterations));
    }

    [Fact]
    public async Task Closed_model_segments_share_the_users_and_together_hold_all_of_them()
    {
        const int users = 7;
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(100));
        var segments = Enumerable.Range(1, 3).Select(i => new ExecutionSegment(i, 3)).ToArray();

        var start = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(segments.Select(segment => new LoadRunner(new LoadRunOptions
        {
            Scenarios = [HttpScenarios.OneGet("closed", server, Simulation.KeepUsers(users, 1.5 * Second))],
            Segment = segment,
        }).RunAsync()));

        // ⌊i·7/3⌋ − ⌊(i−1)·7/3⌋: 2, 2, 3.
        Assert.Equal([2, 2, 3], results.Select(r => r.Scenarios[0].PeakUsers));
        Assert.Equal([2, 2, 3], results.Select(r => r.Scenarios[0].PeakTargetUsers));
        // The server sees the whole run's 7 users, and sits at 7 while all three segments run.
        Assert.Equal(users, server.MaxInFlight);
        var steadyFrom = start + Stopwatch.Frequency / 2;
        var steadyTo = start + Stopwatch.Frequency;
        Assert.True(server.TimeShareAt(users, steadyFrom, steadyTo) >= 0.8,
            $"7 in flight {server.TimeShareAt(users, steadyFrom, steadyTo):P0} of the steady half second");
    }
}
