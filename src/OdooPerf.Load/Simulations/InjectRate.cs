namespace OdooPerf.Load.Simulations;

/// <summary>Open model: <see cref="PerSecond"/> iterations start each second on a fixed timeline.</summary>
public sealed record InjectRate : LoadSimulation
{
    public InjectRate(double perSecond, TimeSpan during) : base(during)
    {
        RequireNonNegative(perSecond, nameof(perSecond));
        PerSecond = perSecond;
    }

    public double PerSecond { get; }

    public override bool IsOpenModel => true;

    public override string ToString() => $"inject_rate({PerSecond:0.###}/s, {DurationText.Format(During)})";
}
