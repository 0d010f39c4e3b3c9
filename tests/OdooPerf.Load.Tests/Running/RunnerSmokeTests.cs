using OdooPerf.Load.Running;
using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

[Collection(nameof(EngineCollection))]
public sealed class RunnerSmokeTests
{
    [Fact]
    public async Task Closed_and_open_scenarios_without_a_server_run_their_phases()
    {
        var closed = Scenario.Create("closed", async ctx =>
        {
            await ctx.Step("wait", async () => { await Task.Delay(10, ctx.CancellationToken); return StepResult.Ok(); });
        }).WithLoad(Simulation.KeepUsers(5, TimeSpan.FromSeconds(1)));
        var open = Scenario.Create("open", async ctx =>
        {
            await ctx.Step("wait", async () => { await Task.Delay(5, ctx.CancellationToken); return StepResult.Ok(); });
        }).WithLoad(Simulation.InjectRate(100, TimeSpan.FromSeconds(1)));

        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [closed, open] }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        Assert.Equal(100, result.Stats.Snapshot("open").Requests);
        Assert.Equal(0, result.DroppedIterations);
        Assert.Equal(5, result.Scenarios[0].PeakUsers);
        Assert.InRange(result.Stats.Snapshot("closed").Requests, 50, 500);
    }
}
