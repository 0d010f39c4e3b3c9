using OdooPerf.Load.Running;
using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

/// <summary>Requests a scenario's init sends (a login, a lookup) are steps of the run: the run's counts are everything the target served.</summary>
[Collection(nameof(EngineCollection))]
public sealed class InitStepTests
{
    [Fact]
    public async Task Steps_run_by_an_init_are_recorded_in_the_run_with_their_outcome_status_and_bytes()
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(5));
        var scenario = HttpScenarios.OneGet("app", server, Simulation.KeepUsers(1, TimeSpan.FromMilliseconds(300)))
            .WithInit(async init =>
            {
                using var http = VirtualUserHttp.Create(server.Address);
                await init.Step("setup_get", async () =>
                {
                    using var response = await http.GetAsync("", init.CancellationToken);
                    return StepResult.Ok((int)response.StatusCode, bytesSent: 10, bytesReceived: 20);
                });
                await init.Step("setup_refused", () => Task.FromResult(StepResult.Fail("UserError", 200, message: "Configure a sales journal first.")));
            });

        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();

        var get = result.Stats.Snapshot("app", "setup_get");
        Assert.Equal(1, get.Requests);
        Assert.Equal(0, get.Failed);
        Assert.Equal(20, get.BytesReceived);
        Assert.True(get.Latency.MaxMs >= 5, $"latency {get.Latency.MaxMs} ms");
        Assert.Equal(1, result.Stats.Snapshot("app", "setup_refused").FailuresByReason["UserError"]);

        // Its message is kept, first seen when the init ran: before the load started, not when it was recorded.
        var refused = Assert.Single(result.Stats.Snapshot("app", "setup_refused").FailureMessages);
        Assert.Equal(("UserError", "Configure a sales journal first.", 1L), (refused.Reason, refused.Message, refused.Count));
        Assert.True(refused.FirstAt < result.Stats.StartedAt, $"first seen {refused.FirstAt:O}, run started {result.Stats.StartedAt:O}");
        var whole = result.Stats.AllSnapshots().Single(s => s.Scenario is null);
        Assert.Equal(server.Requests, whole.Requests - 1);
    }

    [Fact]
    public async Task An_init_step_with_a_bad_name_stops_the_run_before_the_load()
    {
        var scenario = Scenario.Create("app", _ => Task.CompletedTask)
            .WithInit(init => init.Step("bad/name", () => Task.FromResult(StepResult.Ok())))
            .WithLoad(Simulation.KeepUsers(1, TimeSpan.FromMilliseconds(100)));

        var error = await Assert.ThrowsAsync<LoadStartException>(() => new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync());

        Assert.Contains("bad/name", error.Message, StringComparison.Ordinal);
    }
}
