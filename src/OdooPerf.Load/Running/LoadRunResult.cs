using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;
using OdooPerf.Load.Thresholds;

namespace OdooPerf.Load.Running;

/// <summary>Everything a finished (or stopped) run produced; reports are written from it.</summary>
public sealed record LoadRunResult(
    RunStats Stats,
    IReadOnlyList<ScenarioRunSummary> Scenarios,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    TimeSpan PlannedDuration,
    StopReason StopReason,
    ThresholdResult Thresholds,
    ExecutionSegment Segment)
{
    /// <summary>True when every phase ran to its end.</summary>
    public bool Complete => StopReason == StopReason.Completed;

    /// <summary>The process exit code: 0 when all thresholds passed, 1 when one failed (a run aborted by one fails).</summary>
    public int ExitCode => StopReason == StopReason.ThresholdAborted ? ExitCodes.ThresholdFailed : Thresholds.ExitCode;

    public long DroppedIterations => Scenarios.Sum(s => s.IterationsDropped);
}
