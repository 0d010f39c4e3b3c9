using OdooPerf.Load.Running;
using OdooPerf.Load.Stats;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Tests.Fixtures;
using OdooPerf.Odoo.Rpc;
using OdooPerf.OdooSim;

namespace OdooPerf.LoadTests.Tests.Odoo;

/// <summary>
/// Runs Odoo scenarios in this process against a simulator, through the real plan and engine (no command line):
/// <paramref name="users"/> virtual users for <paramref name="duration"/>, iterations in flight allowed to finish.
/// </summary>
internal static class InProcessRun
{
    public static OdooTarget Target(OdooSimulator simulator, string password = SimulatorCluster.Password) => new(
        new Uri(simulator.BaseUrl.TrimEnd('/') + "/"),
        new OdooCredentials(simulator.DatabaseName, SimulatorCluster.Login, new OdooSecret(password, OdooSecretKind.Password)),
        OdooProtocol.WebSession,
        TimeSpan.FromSeconds(60));

    public static async Task<(LoadRunResult Result, OdooLoadPlan Plan)> RunAsync(
        OdooSimulator simulator, ScenarioMix mix, int users, TimeSpan duration, ThinkTime? think = null)
    {
        var plan = new OdooLoadPlan(Target(simulator), mix, users, new LoadProfile(TimeSpan.Zero, duration, TimeSpan.Zero), think ?? ThinkTime.None);
        var runner = new LoadRunner(new LoadRunOptions
        {
            Scenarios = plan.Scenarios,
            GracefulStop = TimeSpan.FromSeconds(60),
            Stats = new RunStatsOptions { Interval = TimeSpan.FromSeconds(1) },
        });
        return (await runner.RunAsync(), plan);
    }

    public static Task<(LoadRunResult Result, OdooLoadPlan Plan)> RunAsync(
        OdooSimulator simulator, OdooScenario scenario, int users, TimeSpan duration, ThinkTime? think = null) =>
        RunAsync(simulator, ScenarioMix.Single(scenario), users, duration, think);

    /// <summary>Requests and failures of each step of a scenario ("step" → (requests, failed)).</summary>
    public static IReadOnlyDictionary<string, (long Requests, long Failed)> Steps(LoadRunResult result, string scenario) =>
        result.Stats.AllSnapshots()
            .Where(s => s.Scenario == scenario && s.Step is not null)
            .ToDictionary(s => s.Step!, s => (s.Requests, s.Failed));

    /// <summary>Every failure reason with its step, for an assertion message.</summary>
    public static string Failures(LoadRunResult result) =>
        string.Join("; ", result.Stats.AllSnapshots()
            .Where(s => s.Step is not null && s.Failed > 0)
            .Select(s => $"{s.Scenario}/{s.Step}: {string.Join(", ", s.FailuresByReason.Select(r => $"{r.Key} {r.Value}"))}"));
}
