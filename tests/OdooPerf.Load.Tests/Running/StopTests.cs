using System.Diagnostics;
using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

[Collection(nameof(EngineCollection))]
public sealed class StopTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Cancelling_the_stop_token_ends_the_run_as_interrupted_with_what_was_done()
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(50));
        var closed = HttpScenarios.OneGet("closed", server, Simulation.KeepUsers(4, 30 * Second));
        var open = HttpScenarios.OneGet("open", server, Simulation.InjectRate(20, 30 * Second));
        using var stop = new CancellationTokenSource();

        var clock = Stopwatch.StartNew();
        var run = new LoadRunner(new LoadRunOptions { Scenarios = [closed, open] }).RunAsync(stop.Token);
        await Poll.UntilAsync(() => server.Requests >= 40, "40 requests");
        await stop.CancelAsync();
        var result = await run;

        Assert.Equal(StopReason.Interrupted, result.StopReason);
        Assert.False(result.Complete);
        Assert.True(clock.Elapsed < 5 * Second, $"took {clock.Elapsed} to stop");
        // Everything the server answered is in the stats: the requests in flight at the stop finished (graceful stop)
        // and were recorded, and none was counted as a failure.
        Assert.Equal(server.Requests, result.Stats.Snapshot().Requests);
        Assert.Equal(0, result.Stats.Snapshot().Failed);
        Assert.True(result.Stats.Snapshot("closed").Requests > 0 && result.Stats.Snapshot("open").Requests > 0);
        Assert.True(result.Stats.Elapsed < 5 * Second);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task The_graceful_stop_lets_requests_in_flight_finish_and_records_them()
    {
        await using var server = await TestServer.StartAsync(serviceTime: Second);
        var scenario = HttpScenarios.OneGet("slow", server, Simulation.KeepUsers(3, 30 * Second));
        using var stop = new CancellationTokenSource();

        var run = new LoadRunner(new LoadRunOptions { Scenarios = [scenario], GracefulStop = 5 * Second }).RunAsync(stop.Token);
        await Poll.UntilAsync(() => server.InFlight == 3, "3 requests in flight");
        await stop.CancelAsync();
        var result = await run;

        Assert.Equal(StopReason.Interrupted, result.StopReason);
        // The three requests that were in flight ended normally (a full second each) and were recorded as OK; no
        // user started another one after the stop.
        var snapshot = result.Stats.Snapshot("slow", HttpScenarios.Step);
        Assert.Equal(3, snapshot.Ok);
        Assert.Equal(0, snapshot.Failed);
        Assert.True(snapshot.Latency.MinMs >= 1000, $"min {snapshot.Latency.MinMs} ms");
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task The_kill_token_cancels_requests_in_flight_without_recording_them_as_failures()
    {
        await using var server = await TestServer.StartAsync(serviceTime: 20 * Second);
        var closed = HttpScenarios.OneGet("closed", server, Simulation.KeepUsers(3, 30 * Second));
        var open = HttpScenarios.OneGet("open", server, Simulation.InjectRate(10, 30 * Second));
        using var stop = new CancellationTokenSource();
        using var kill = new CancellationTokenSource();

        var clock = Stopwatch.StartNew();
        var run = new LoadRunner(new LoadRunOptions { Scenarios = [closed, open], GracefulStop = 30 * Second }).RunAsync(stop.Token, kill.Token);
        await Poll.UntilAsync(() => server.InFlight >= 6, "6 requests in flight");
        await stop.CancelAsync();
        await kill.CancelAsync();
        var result = await run;

        Assert.Equal(StopReason.Interrupted, result.StopReason);
        // Cut off at once, not after the 20 s service time or the 30 s graceful stop.
        Assert.True(clock.Elapsed < 5 * Second, $"took {clock.Elapsed} to stop");
        Assert.Equal(0, result.Stats.Snapshot().Requests);
        Assert.Equal(0, result.Stats.Snapshot().Failed);
        await Poll.UntilAsync(() => server.InFlight == 0, "the server to see the requests abandoned");
    }

    [Fact]
    public async Task Requests_still_running_when_the_graceful_stop_expires_are_cancelled_and_not_recorded()
    {
        await using var server = await TestServer.StartAsync(serviceTime: 20 * Second);
        var scenario = HttpScenarios.OneGet("stuck", server, Simulation.KeepUsers(2, 30 * Second));
        using var stop = new CancellationTokenSource();

        var clock = Stopwatch.StartNew();
        var run = new LoadRunner(new LoadRunOptions { Scenarios = [scenario], GracefulStop = TimeSpan.FromMilliseconds(300) }).RunAsync(stop.Token);
        await Poll.UntilAsync(() => server.InFlight == 2, "2 requests in flight");
        await stop.CancelAsync();
        var result = await run;

        Assert.Equal(StopReason.Interrupted, result.StopReason);
        Assert.True(clock.Elapsed < 5 * Second, $"took {clock.Elapsed} to stop");
        Assert.Equal(0, result.Stats.Snapshot().Requests);
    }

    [Fact]
    public async Task The_maximum_duration_cuts_longer_phases()
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(20));
        var closed = HttpScenarios.OneGet("closed", server, Simulation.KeepUsers(2, 30 * Second));
        var open = HttpScenarios.OneGet("open", server, Simulation.InjectRate(50, 30 * Second));

        var clock = Stopwatch.StartNew();
        var runner = new LoadRunner(new LoadRunOptions { Scenarios = [closed, open], MaxDuration = Second });
        Assert.Equal(Second, runner.PlannedDuration);
        var result = await runner.RunAsync();

        Assert.Equal(StopReason.MaxDuration, result.StopReason);
        Assert.False(result.Complete);
        Assert.Equal(Second, result.PlannedDuration);
        // Stopped at 1 s (the monitor looks every 250 ms), plus the 20 ms requests in flight.
        Assert.InRange(result.Stats.Elapsed, Second, 2 * Second);
        Assert.True(clock.Elapsed < 4 * Second, $"took {clock.Elapsed}");
        // About a second's worth of the open model's 50/s (up to the monitor's look after 1 s).
        Assert.InRange(result.Scenarios[1].IterationsStarted, 45, 65);
        Assert.Equal(server.Requests, result.Stats.Snapshot().Requests);
    }
}
