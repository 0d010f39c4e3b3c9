namespace OdooPerf.Load.Simulations;

/// <summary>Closed model: changes the number of virtual users linearly from the previous phase's to <see cref="To"/>.</summary>
public sealed record RampUsers : LoadSimulation
{
    public RampUsers(int to, TimeSpan during) : base(during)
    {
        RequireNonNegative(to, nameof(to));
        To = to;
    }

    public int To { get; }

    public override bool IsOpenModel => false;

    public override string ToString() => $"ramp_users({To}, {DurationText.Format(During)})";
}
