using Microsoft.Extensions.Logging;
using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;
using OdooPerf.Load.Thresholds;

namespace OdooPerf.Load.Running;

/// <summary>What to run and how: the scenarios (run concurrently), the bounds, the thresholds and the segment.</summary>
public sealed record LoadRunOptions
{
    public required IReadOnlyList<Scenario> Scenarios { get; init; }

    /// <summary>Stops the run (reports marked incomplete) if the phases have not ended by then.</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>
    /// When the phases end or the run is stopped, iterations in flight get this long to finish (they are recorded);
    /// then they are cancelled (and not recorded).
    /// </summary>
    public TimeSpan GracefulStop { get; init; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Judge the thresholds that can be judged early every second, and stop the run when one fails.</summary>
    public bool AbortOnFail { get; init; }

    /// <summary>Requests a scope needs before abort-on-fail judges it.</summary>
    public long AbortOnFailMinRequests { get; init; } = AbortOnFailWatch.DefaultMinRequests;

    /// <summary>The baseline run's snapshots, for regression thresholds (<c>p95 +20%</c>).</summary>
    public IReadOnlyList<StatsSnapshot>? Baseline { get; init; }

    public ExecutionSegment Segment { get; init; } = ExecutionSegment.Whole;

    /// <summary>Wait until this wall-clock time before starting the load (so the segments of a distributed run start together).</summary>
    public DateTimeOffset? StartAt { get; init; }

    public RunStatsOptions Stats { get; init; } = new();

    public ILoggerFactory? LoggerFactory { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
