namespace OdooPerf.OdooSim;

/// <summary>
/// Faults the simulator injects into model calls (call_kw, call_button, /jsonrpc object calls, JSON-2):
/// latency (fixed, random, periodic spikes), a slow PostgreSQL (<c>pg_sleep</c> inside the call's
/// transaction, so it shows as SQL time) and a failure rate. Immutable: change them with
/// <c>sim.Faults = sim.Faults with { ... }</c>.
/// </summary>
public sealed record FaultSettings
{
    public static readonly FaultSettings None = new();

    /// <summary>Added to every model call.</summary>
    public TimeSpan FixedLatency { get; init; }

    /// <summary>A uniformly random extra latency between <see cref="RandomLatencyMin"/> and <see cref="RandomLatencyMax"/>.</summary>
    public TimeSpan RandomLatencyMin { get; init; }

    public TimeSpan RandomLatencyMax { get; init; }

    /// <summary>Every <see cref="SpikeEvery"/> (counted from the simulator's start), calls get <see cref="SpikeLatency"/> more for <see cref="SpikeDuration"/>.</summary>
    public TimeSpan SpikeEvery { get; init; }

    public TimeSpan SpikeDuration { get; init; }

    public TimeSpan SpikeLatency { get; init; }

    /// <summary>Fraction (0 to 1) of model calls that fail with <see cref="ErrorKind"/> instead of running.</summary>
    public double ErrorRate { get; init; }

    public FaultErrorKind ErrorKind { get; init; } = FaultErrorKind.UserError;

    /// <summary>Time each model call spends in <c>SELECT pg_sleep(...)</c>.</summary>
    public TimeSpan PostgresSleep { get; init; }

    /// <summary>Throws when a value is out of range (negative durations, a rate outside 0..1).</summary>
    public void Validate()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(FixedLatency), FixedLatency), (nameof(RandomLatencyMin), RandomLatencyMin), (nameof(RandomLatencyMax), RandomLatencyMax),
            (nameof(SpikeEvery), SpikeEvery), (nameof(SpikeDuration), SpikeDuration), (nameof(SpikeLatency), SpikeLatency), (nameof(PostgresSleep), PostgresSleep),
        })
        {
            if (value < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, "must not be negative");
            }
        }

        if (RandomLatencyMax < RandomLatencyMin)
        {
            throw new ArgumentOutOfRangeException(nameof(RandomLatencyMax), RandomLatencyMax, "must not be below RandomLatencyMin");
        }

        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate))
        {
            throw new ArgumentOutOfRangeException(nameof(ErrorRate), ErrorRate, "must be between 0 and 1");
        }
    }

    /// <summary>The latency a call starting <paramref name="sinceStart"/> after the simulator's start gets.</summary>
    internal TimeSpan LatencyAt(TimeSpan sinceStart, Random random)
    {
        var latency = FixedLatency;
        if (RandomLatencyMax > TimeSpan.Zero)
        {
            latency += RandomLatencyMin + ((RandomLatencyMax - RandomLatencyMin) * random.NextDouble());
        }

        if (SpikeEvery > TimeSpan.Zero && SpikeDuration > TimeSpan.Zero && sinceStart.Ticks % SpikeEvery.Ticks < SpikeDuration.Ticks)
        {
            latency += SpikeLatency;
        }

        return latency;
    }
}
