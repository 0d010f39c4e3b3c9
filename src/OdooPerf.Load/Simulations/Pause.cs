namespace OdooPerf.Load.Simulations;

/// <summary>No load: closed-model users finish their iteration and stop; no open-model iteration starts.</summary>
public sealed record Pause : LoadSimulation
{
    public Pause(TimeSpan during) : base(during)
    {
    }

    public override bool IsOpenModel => false;

    public override string ToString() => $"pause({DurationText.Format(During)})";
}
