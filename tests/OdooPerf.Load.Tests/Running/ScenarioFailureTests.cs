using OdooPerf.Load.Running;
using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Simulations;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

[Collection(nameof(EngineCollection))]
public sealed class ScenarioFailureTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    // Twice the threads the pool starts at once in these tests (ThreadPoolHeadroom), see AssertEveryUserRan.
    private const int Spinners = 64;

    [Fact]
    public async Task A_failing_user_init_is_recorded_and_no_iteration_runs()
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(10));
        // A login refused after a round trip, as a real one would be.
        var scenario = HttpScenarios.OneGet("login", server, Simulation.KeepUsers(2, Second / 2))
            .WithUserInit(async ctx =>
            {
                using var http = VirtualUserHttp.Create(server.Address);
                using var response = await http.GetAsync("", ctx.CancellationToken);
                throw new InvalidOperationException("login refused");
            });

        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        var init = result.Stats.Snapshot("login", "user_init");
        // Each user retries its init before every would-be iteration: one failure per round trip, recorded with a
        // bounded reason (the exception type, never its message).
        Assert.Equal(server.Requests, init.Failed);
        Assert.True(init.Failed >= 2);
        Assert.Equal(init.Failed, init.FailuresByReason["InvalidOperationException"]);
        Assert.Equal(0, result.Stats.Snapshot("login", HttpScenarios.Step).Requests);
        Assert.Equal(0, result.Scenarios[0].IterationsStarted);
    }

    [Fact]
    public async Task A_steps_failure_message_is_kept_with_its_count_and_an_exceptions_message_is_not()
    {
        var scenario = Scenario.Create("orders", async ctx =>
        {
            await ctx.Step("confirm", async () =>
            {
                await Task.Delay(5, ctx.CancellationToken);
                return StepResult.Fail("UserError", 200, message: $"Order S{ctx.Iteration:00000} is already confirmed.");
            });
            await ctx.Step("crash", () => throw new InvalidOperationException("not a message for the report"));
        }).WithLoad(Simulation.KeepUsers(2, Second / 2));

        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();

        var confirm = result.Stats.Snapshot("orders", "confirm");
        var message = Assert.Single(confirm.FailureMessages);
        Assert.Equal(("UserError", "Order S00000 is already confirmed.", confirm.Failed), (message.Reason, message.Message, message.Count));
        Assert.True(confirm.Failed > 2, $"{confirm.Failed} failures");
        var crash = result.Stats.Snapshot("orders", "crash");
        Assert.Equal(confirm.Failed, crash.FailuresByReason["InvalidOperationException"]);
        Assert.Empty(crash.FailureMessages);
    }

    [Fact]
    public async Task A_user_init_that_throws_at_once_does_not_monopolise_the_generator()
    {
        var scenario = Scenario.Create("broken", _ => Task.CompletedTask)
            .WithUserInit(_ => throw new InvalidOperationException("no client"))
            .WithLoad(Simulation.KeepUsers(Spinners, Second));

        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        AssertEveryUserRan(result);
        Assert.True(result.Stats.Snapshot("broken", "user_init").Failed > 0);
        Assert.Equal(0, result.Scenarios[0].IterationsStarted);
    }

    [Fact]
    public async Task An_exception_outside_steps_is_recorded_under_the_step_unhandled()
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromMilliseconds(10));
        var scenario = Scenario.Create("leaky", async ctx =>
            {
                var http = (HttpClient)ctx.State["http"]!;
                await ctx.Step(HttpScenarios.Step, () => HttpScenarios.GetAsync(http, ctx.CancellationToken));
                throw new FormatException("parsing the answer failed");
            })
            .WithUserInit(ctx =>
            {
                ctx.State["http"] = VirtualUserHttp.Create(server.Address);
                return Task.CompletedTask;
            })
            .WithLoad(Simulation.KeepUsers(2, Second / 2));

        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();

        var step = result.Stats.Snapshot("leaky", HttpScenarios.Step);
        var unhandled = result.Stats.Snapshot("leaky", "unhandled");
        // Every iteration did its step (OK) and then failed outside it, once.
        Assert.Equal(server.Requests, step.Ok);
        Assert.Equal(result.Scenarios[0].IterationsStarted, step.Ok);
        Assert.Equal(step.Ok, unhandled.Failed);
        Assert.Equal(unhandled.Failed, unhandled.FailuresByReason["FormatException"]);
        Assert.Equal(0, unhandled.Ok);
    }

    [Fact]
    public async Task A_scenario_that_throws_before_awaiting_does_not_monopolise_the_generator()
    {
        var scenario = Scenario.Create("sync", _ => throw new InvalidOperationException("bug"))
            .WithLoad(Simulation.KeepUsers(Spinners, Second));

        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();

        Assert.Equal(StopReason.Completed, result.StopReason);
        AssertEveryUserRan(result);
        var unhandled = result.Stats.Snapshot("sync", "unhandled");
        Assert.True(unhandled.Failed > 0);
        Assert.Equal(unhandled.Failed, result.Scenarios[0].IterationsStarted);
    }

    // A closed-model user whose iterations complete without awaiting loops as fast as it can, but must hand its
    // thread back between iterations. If it kept it, the pool's threads would all be taken by the first users, and
    // the others (and the runner's timers) would wait for the pool's starvation detector to add threads, about one
    // per half second: in a second, only about half the users would ever start.
    private static void AssertEveryUserRan(LoadRunResult result) => Assert.Equal(Spinners, result.Scenarios[0].PeakUsers);

    [Fact]
    public async Task A_request_slower_than_the_clients_timeout_fails_as_timeout()
    {
        await using var server = await TestServer.StartAsync(serviceTime: 10 * Second);
        var scenario = HttpScenarios.OneGet("patience", server, Simulation.KeepUsers(2, Second / 2))
            .WithUserInit(ctx =>
            {
                ctx.State["http"] = VirtualUserHttp.Create(server.Address, timeout: TimeSpan.FromMilliseconds(200));
                return Task.CompletedTask;
            });

        var result = await new LoadRunner(new LoadRunOptions { Scenarios = [scenario] }).RunAsync();

        var snapshot = result.Stats.Snapshot("patience", HttpScenarios.Step);
        // 2 users × 0.5 s / 200 ms: 4 to 6 timeouts, each timed at the timeout, not at the server's 10 s.
        Assert.Equal(0, snapshot.Ok);
        Assert.InRange(snapshot.Failed, 4, 8);
        Assert.Equal(snapshot.Failed, snapshot.FailuresByReason["timeout"]);
        // The client's timer may fire a tick (a few ms) before the stopwatch says 200 ms.
        Assert.InRange(snapshot.Latency.MinMs, 190, 400);
        Assert.True(snapshot.Latency.MaxMs < 1000, $"max {snapshot.Latency.MaxMs} ms");
    }

    [Fact]
    public async Task A_scenario_init_that_fails_means_the_run_could_not_start()
    {
        await using var server = await TestServer.StartAsync();
        var closedPort = FreePort.Next();
        var load = HttpScenarios.OneGet("load", server, Simulation.KeepUsers(2, Second));
        var unreachable = HttpScenarios.OneGet("check", server, Simulation.KeepUsers(2, Second))
            .WithInit(async ctx =>
            {
                using var http = VirtualUserHttp.Create(new Uri($"http://127.0.0.1:{closedPort}/"));
                using var response = await http.GetAsync("", ctx.CancellationToken);
            });
        var error = await Assert.ThrowsAsync<LoadStartException>(() =>
            new LoadRunner(new LoadRunOptions { Scenarios = [load, unreachable] }).RunAsync());

        // One line naming the scenario and a stable reason, and no load at all (not even the other scenario's).
        Assert.Contains("'check'", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection_refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(0, server.Requests);

        // A LoadStartException of the scenario's own passes through as it is.
        var own = HttpScenarios.OneGet("own", server, Simulation.KeepUsers(1, Second))
            .WithInit(_ => throw new LoadStartException("product catalogue is empty"));
        var ownError = await Assert.ThrowsAsync<LoadStartException>(() =>
            new LoadRunner(new LoadRunOptions { Scenarios = [own] }).RunAsync());
        Assert.Equal("product catalogue is empty", ownError.Message);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task A_failed_init_cleans_up_the_scenarios_already_initialised_and_only_those()
    {
        await using var server = await TestServer.StartAsync();
        var cleaned = new List<string>();
        var first = HttpScenarios.OneGet("first", server, Simulation.KeepUsers(1, Second))
            .WithInit(_ => Task.CompletedTask)
            .WithClean(_ => { lock (cleaned) cleaned.Add("first"); return Task.CompletedTask; });
        var failing = HttpScenarios.OneGet("failing", server, Simulation.KeepUsers(1, Second))
            .WithInit(_ => throw new LoadStartException("no such database"))
            .WithClean(_ => { lock (cleaned) cleaned.Add("failing"); return Task.CompletedTask; });
        var never = HttpScenarios.OneGet("never", server, Simulation.KeepUsers(1, Second))
            .WithClean(_ => { lock (cleaned) cleaned.Add("never"); return Task.CompletedTask; });

        await Assert.ThrowsAsync<LoadStartException>(() =>
            new LoadRunner(new LoadRunOptions { Scenarios = [first, failing, never] }).RunAsync());

        // The first scenario's init ran, so its clean must; the failing one and the one after it never started.
        Assert.Equal(["first"], cleaned);
        Assert.Equal(0, server.Requests);
    }
}
