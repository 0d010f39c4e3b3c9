namespace OdooPerf.Load.Simulations;

/// <summary>
/// One phase of a scenario's load, run one after the other (NBomber's load simulations, k6's stages). Closed-model
/// phases set how many virtual users loop over the scenario; open-model phases set how many iterations start per
/// second, whatever the server's speed. Build them with <see cref="Simulation"/>.
/// </summary>
public abstract record LoadSimulation
{
    private protected LoadSimulation(TimeSpan during)
    {
        if (during <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(during), during, "a load phase must last longer than zero");
        }

        During = during;
    }

    public TimeSpan During { get; }

    /// <summary>True for the open model (arrival rates), false for the closed model (users) and pauses.</summary>
    public abstract bool IsOpenModel { get; }

    /// <summary>How reports and the console name the phase, e.g. <c>ramp_users(100, 5m)</c>.</summary>
    public abstract override string ToString();

    private protected static void RequireNonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be a finite number of zero or more");
        }
    }
}
