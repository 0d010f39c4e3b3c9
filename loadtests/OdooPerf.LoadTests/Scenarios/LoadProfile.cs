using OdooPerf.Load.Simulations;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// The go-live shape of a run: ramp up to the peak users, hold them, ramp down; each scenario follows it with its
/// share of the users.
/// </summary>
internal sealed record LoadProfile(TimeSpan RampUp, TimeSpan Duration, TimeSpan RampDown)
{
    public IReadOnlyList<LoadSimulation> Phases(int users)
    {
        var phases = new List<LoadSimulation>(3);
        if (RampUp > TimeSpan.Zero)
        {
            phases.Add(Simulation.RampUsers(users, RampUp));
        }

        phases.Add(Simulation.KeepUsers(users, Duration));
        if (RampDown > TimeSpan.Zero)
        {
            phases.Add(Simulation.RampUsers(0, RampDown));
        }

        return phases;
    }
}
