using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Running;

/// <summary>
/// The run as it goes, for the live console and the live metrics: its stats (null until the load starts), each
/// scenario's progress, and the time left.
/// </summary>
public sealed class RunProgress
{
    private volatile RunStats? _stats;
    private volatile bool _stopping;

    internal RunProgress(IReadOnlyList<ScenarioProgress> scenarios, TimeSpan plannedDuration)
    {
        Scenarios = scenarios;
        PlannedDuration = plannedDuration;
    }

    public IReadOnlyList<ScenarioProgress> Scenarios { get; }

    /// <summary>The phases' length, capped by the maximum duration.</summary>
    public TimeSpan PlannedDuration { get; }

    public RunStats? Stats
    {
        get => _stats;
        internal set => _stats = value;
    }

    /// <summary>True once the run stops starting iterations (the end, a signal, an abort) and drains.</summary>
    public bool Stopping
    {
        get => _stopping;
        internal set => _stopping = value;
    }

    public TimeSpan Elapsed => Stats?.Elapsed ?? TimeSpan.Zero;

    public TimeSpan TimeLeft
    {
        get
        {
            var left = PlannedDuration - Elapsed;
            return Stopping || left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }
    }
}
