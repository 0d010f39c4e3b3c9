using HdrHistogram;
using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

[Collection(nameof(EngineCollection))]
public sealed class CoordinatedOmissionTests
{
    [Fact]
    public async Task A_stalling_server_shows_in_the_open_models_p99_where_a_closed_model_hides_it()
    {
        // A 10 ms server that holds every request arriving during a 1 s stall until the stall ends. The cycle
        // is a stall every 10 s; a 4 s cycle keeps the test short and keeps the 1 s stall, and its offset puts exactly
        // one stall in the middle of the 4 s run.
        await using var server = await TestServer.StartAsync(
            serviceTime: TimeSpan.FromMilliseconds(10),
            stallCycle: TimeSpan.FromSeconds(4),
            stallLength: TimeSpan.FromSeconds(1),
            stallOffset: TimeSpan.FromSeconds(1.5));
        var during = TimeSpan.FromSeconds(4);
        // Both against the same server at the same time, so both see the same stall.
        var open = HttpScenarios.OneGet("open", server, Simulation.InjectRate(50, during));
        var closed = HttpScenarios.OneGet("closed", server, Simulation.KeepUsers(1, during));

        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [open, closed] }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        var openLatency = result.Stats.Snapshot("open").Latency;
        var closedLatency = result.Stats.Snapshot("closed").Latency;

        // The open model keeps sending 50/s during the stall: those 50 requests (a quarter of the 200) wait from up
        // to 1 s down to nothing, and each is timed from when it was meant to start, so the top 1% waited 0.9 s or so.
        Assert.Equal(200, result.Scenarios[0].IterationsStarted);
        Assert.True(openLatency.P99Ms >= 500, $"open p99 {openLatency.P99Ms} ms");
        Assert.True(openLatency.MaxMs >= 900, $"open max {openLatency.MaxMs} ms");
        Assert.InRange(SlowerThan(result, "open", 500), 15, 35);

        // The closed model's single user is blocked once per stall: it sends nothing while it waits, so one slow
        // sample stands for the whole second against ~300 fast ones, and its p99 stays at the service time. That is
        // coordinated omission: the generator waits with the server and the percentiles forget the stall.
        Assert.Equal(1, SlowerThan(result, "closed", 500));
        Assert.True(closedLatency.MaxMs >= 900, $"closed max {closedLatency.MaxMs} ms: it did meet the stall");
        Assert.True(closedLatency.P99Ms < 100, $"closed p99 {closedLatency.P99Ms} ms");
        Assert.True(openLatency.P99Ms > 5 * closedLatency.P99Ms,
            $"open p99 {openLatency.P99Ms} ms should dwarf closed p99 {closedLatency.P99Ms} ms");
    }

    private static long SlowerThan(LoadRunResult result, string scenario, double ms)
    {
        var histogram = result.Stats.Histogram(scenario);
        var limit = histogram.HighestEquivalentValue((long)(ms * 1000));
        return histogram.RecordedValues().Where(v => v.ValueIteratedTo > limit).Sum(v => v.CountAtValueIteratedTo);
    }
}
