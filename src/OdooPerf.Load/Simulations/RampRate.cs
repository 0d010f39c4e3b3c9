namespace OdooPerf.Load.Simulations;

/// <summary>Open model: the arrival rate changes linearly from <see cref="From"/> to <see cref="To"/> per second.</summary>
public sealed record RampRate : LoadSimulation
{
    public RampRate(double from, double to, TimeSpan during) : base(during)
    {
        RequireNonNegative(from, nameof(from));
        RequireNonNegative(to, nameof(to));
        From = from;
        To = to;
    }

    public double From { get; }

    public double To { get; }

    public override bool IsOpenModel => true;

    public override string ToString() => $"ramp_rate({From:0.###}/s to {To:0.###}/s, {DurationText.Format(During)})";
}
