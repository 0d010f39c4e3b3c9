using Microsoft.Extensions.Logging;
using OdooPerf.Load.Simulations;

namespace OdooPerf.Load.Scenarios;

/// <summary>What a scenario's init and clean functions get.</summary>
public sealed record ScenarioInitContext(
    string ScenarioName,
    ExecutionSegment Segment,
    ILogger Logger,
    CancellationToken CancellationToken)
{
    /// <summary>Where <see cref="Step"/> keeps what the init did until the run's stats exist (null: not recorded).</summary>
    internal InitStepLog? Log { get; init; }

    internal TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Runs and times one request the init sends (a login, a lookup) and records it under this scenario, as a step of
    /// the run, so the run's request counts include everything sent to the target. The records are added to the run's
    /// first interval when the load starts; a failed init records nothing (there is no run). An exception is thrown on,
    /// not recorded as a failure: an init that cannot do its work stops the run. Recorded only at init, not at clean.
    /// </summary>
    public async Task<StepResult> Step(string name, Func<Task<StepResult>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var started = Clock.GetTimestamp();
        var result = await run().ConfigureAwait(false);
        Log?.Add(ScenarioName, name, result, Clock.GetElapsedTime(started), Clock.GetUtcNow());
        return result;
    }
}
