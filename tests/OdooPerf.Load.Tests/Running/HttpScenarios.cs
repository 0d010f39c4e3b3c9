using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Simulations;

namespace OdooPerf.Load.Tests.Running;

/// <summary>Scenarios the engine tests run against a <see cref="TestServer"/>.</summary>
internal static class HttpScenarios
{
    public const string Step = "get";

    /// <summary>
    /// Each iteration is one GET of the server's root in step <see cref="Step"/>, through the virtual user's own
    /// client (made in its user init, as a scenario with sessions would); a non-2xx answer fails as <c>http_STATUS</c>.
    /// </summary>
    public static Scenario OneGet(string name, TestServer server, params LoadSimulation[] phases) =>
        Scenario.Create(name, async ctx =>
            {
                var http = (HttpClient)ctx.State["http"]!;
                await ctx.Step(Step, () => GetAsync(http, ctx.CancellationToken));
            })
            .WithUserInit(ctx =>
            {
                ctx.State["http"] = VirtualUserHttp.Create(server.Address, cookies: false, maxConnections: 1);
                return Task.CompletedTask;
            })
            .WithLoad(phases);

    public static async Task<StepResult> GetAsync(HttpClient http, CancellationToken cancellation)
    {
        using var response = await http.GetAsync("", HttpCompletionOption.ResponseContentRead, cancellation);
        var status = (int)response.StatusCode;
        return response.IsSuccessStatusCode ? StepResult.Ok(status) : StepResult.Fail($"http_{status}", status);
    }
}
