namespace OdooPerf.Load.Simulations;

/// <summary>Builds load phases: <c>Simulation.RampUsers(90, TimeSpan.FromMinutes(5))</c>.</summary>
public static class Simulation
{
    public static RampUsers RampUsers(int to, TimeSpan during) => new(to, during);

    public static KeepUsers KeepUsers(int users, TimeSpan during) => new(users, during);

    public static InjectRate InjectRate(double perSecond, TimeSpan during) => new(perSecond, during);

    public static RampRate RampRate(double from, double to, TimeSpan during) => new(from, to, during);

    public static Pause Pause(TimeSpan during) => new(during);
}
