using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Simulations;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// Turns a mix into the engine's scenarios: each Odoo scenario with its share of the users, all ramping up, holding
/// and ramping down together (so the total follows the profile), one shared preflight, and per virtual user one
/// session: it logs in on its first iteration (step <c>login</c>) and keeps the session for the rest of the run.
/// </summary>
internal sealed class OdooLoadPlan
{
    public const string LoginStep = "login";

    private readonly OdooTarget _target;
    private readonly ThinkTime _thinkTime;

    public OdooLoadPlan(OdooTarget target, ScenarioMix mix, int users, LoadProfile profile, ThinkTime thinkTime)
    {
        _target = target;
        _thinkTime = thinkTime;
        Shares = mix.Split(users);
        var running = Shares.Where(s => s.Users > 0).Select(s => s.Scenario).ToArray();
        Preflight = new OdooPreflight(target, running);
        Scenarios = Shares
            .Where(s => s.Users > 0)
            .Select(s => Scenario.Create(s.Scenario.Name, context => IterateAsync(context, s.Scenario))
                .WithInit(Preflight.InitAsync)
                .WithUserInit(UserInit)
                .WithLoad(profile.Phases(s.Users)))
            .ToArray();
        OdooScenarios = running;
    }

    /// <summary>Users per scenario, in the mix's order; a scenario with no user is not run.</summary>
    public IReadOnlyList<(OdooScenario Scenario, int Users)> Shares { get; }

    /// <summary>The Odoo scenarios that run (at least one user each).</summary>
    public IReadOnlyList<OdooScenario> OdooScenarios { get; }

    /// <summary>The engine scenarios to run.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    public OdooPreflight Preflight { get; }

    private Task UserInit(ScenarioContext context)
    {
        context.State[OdooVirtualUser.StateKey] = new OdooVirtualUser(_target);
        return Task.CompletedTask;
    }

    private async Task IterateAsync(ScenarioContext context, OdooScenario scenario)
    {
        var user = (OdooVirtualUser)context.State[OdooVirtualUser.StateKey]!;
        var iteration = new OdooIteration(context, user.Client, Preflight.Data, _thinkTime);
        if (!user.Client.IsAuthenticated && await iteration.Call(LoginStep, LoginAsync).ConfigureAwait(false) is null)
        {
            return;
        }

        await scenario.RunAsync(iteration).ConfigureAwait(false);
    }

    private static async Task<OdooResponse> LoginAsync(OdooClient client, CancellationToken cancellationToken) =>
        (await client.AuthenticateAsync(cancellationToken).ConfigureAwait(false)).Response;
}
