using OdooPerf.Load.Simulations;

namespace OdooPerf.Load.Running;

/// <summary>
/// What the runner knows of one scenario beyond its request stats: the phases it was given (already scaled to the
/// segment), the iterations started and dropped, the most users it ran at once and the most it was asked for, and how
/// late the open model's scheduler started iterations (a generator that cannot keep up shows here, not as a faster
/// server).
/// </summary>
public sealed record ScenarioRunSummary(
    string Name,
    IReadOnlyList<LoadSimulation> Phases,
    long IterationsStarted,
    long IterationsDropped,
    int PeakUsers,
    int PeakTargetUsers,
    double MaxSchedulingLagMs);
