using System.Diagnostics;
using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Thresholds;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

[Collection(nameof(EngineCollection))]
public sealed class RunnerThresholdTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    public static TheoryData<string[], int, string[]> Verdicts => new()
    {
        // A 20 ms server that fails one request in four: p95 ~20 ms, fail_rate 25%.
        { ["p95 < 2s", "fail_rate < 50%", "thr/get: requests > 10", "thr: p50 >= 20ms"], ExitCodes.Success, [] },
        { ["p95 < 2s", "fail_rate < 10%"], ExitCodes.ThresholdFailed, ["fail_rate < 10%"] },
        { ["p50 < 5ms", "thr: fail_rate < 50%", "thr/get: failed == 0"], ExitCodes.ThresholdFailed, ["p50 < 5ms", "thr/get: failed == 0"] },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public async Task Thresholds_are_judged_on_the_run_and_set_the_exit_code(string[] expressions, int exitCode, string[] failing)
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(20), failEvery: 4);
        var scenario = HttpScenarios.OneGet("thr", server, Simulation.KeepUsers(2, Second));

        var result = await new LoadRunner(new LoadRunOptions
        {
            Scenarios = [scenario],
            Thresholds = ThresholdParser.ParseAll(expressions),
        }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(expressions.Length, result.Thresholds.Verdicts.Count);
        Assert.Equal(failing, result.Thresholds.Failures.Select(v => v.Threshold.ToString()));
        // The failures the thresholds judged are the server's 500s, recorded with their reason and status.
        var snapshot = result.Stats.Snapshot("thr", HttpScenarios.Step);
        Assert.Equal(server.Requests / 4, snapshot.Failed);
        Assert.Equal(snapshot.Failed, snapshot.FailuresByReason["http_500"]);
        Assert.Equal(snapshot.Failed, snapshot.StatusCodes[500]);
    }

    [Fact]
    public async Task Abort_on_fail_stops_the_run_once_the_server_starts_failing()
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(10));
        var scenario = HttpScenarios.OneGet("abort", server, Simulation.KeepUsers(2, 20 * Second));
        var runner = new LoadRunner(new LoadRunOptions
        {
            Scenarios = [scenario],
            Thresholds = ThresholdParser.ParseAll(["fail_rate < 10%", "p99 < 5s"]),
            AbortOnFail = true,
            AbortOnFailMinRequests = 20,
        });

        var clock = Stopwatch.StartNew();
        var run = runner.RunAsync();
        // The run is healthy for its first second and more (the watch judges once a second, on 20+ requests): it must
        // not abort then. Then every answer is a 500.
        await Poll.UntilAsync(() => clock.Elapsed > 1.5 * Second, "1.5 s into the run");
        Assert.False(run.IsCompleted, "aborted while every request succeeded");
        server.StatusCode = 500;
        var result = await run;

        Assert.Equal(StopReason.ThresholdAborted, result.StopReason);
        Assert.False(result.Complete);
        Assert.Equal(ExitCodes.ThresholdFailed, result.ExitCode);
        Assert.True(clock.Elapsed < 6 * Second, $"stopped after {clock.Elapsed}, the phases were 20 s");
        var snapshot = result.Stats.Snapshot("abort");
        Assert.True(snapshot.Ok > 0 && snapshot.Failed > 0, $"ok {snapshot.Ok}, failed {snapshot.Failed}");
        Assert.Equal(["fail_rate < 10%"], result.Thresholds.Failures.Select(v => v.Threshold.ToString()));
    }

    [Fact]
    public async Task Abort_on_fail_lets_a_passing_run_complete()
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(10));
        var scenario = HttpScenarios.OneGet("fine", server, Simulation.KeepUsers(2, 1.5 * Second));

        var result = await new LoadRunner(new LoadRunOptions
        {
            Scenarios = [scenario],
            Thresholds = ThresholdParser.ParseAll(["fail_rate < 1%", "failed == 0", "max < 5s"]),
            AbortOnFail = true,
            AbortOnFailMinRequests = 20,
        }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.True(result.Thresholds.AllPassed);
    }
}
