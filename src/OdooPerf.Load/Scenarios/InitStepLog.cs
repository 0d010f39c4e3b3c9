using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Scenarios;

/// <summary>
/// The steps scenario inits ran (<see cref="ScenarioInitContext.Step"/>), kept until the run's stats exist, then
/// recorded into them: init runs before the run's clock starts, so its time is not the load's time, but its requests
/// are still requests the target served.
/// </summary>
internal sealed class InitStepLog
{
    private readonly List<(string Scenario, string Step, StepResult Result, TimeSpan Latency, DateTimeOffset At)> _steps = [];

    /// <param name="at">When the step ended: a failure's message is first seen then, not when it is recorded.</param>
    public void Add(string scenario, string step, StepResult result, TimeSpan latency, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(step) || step.Contains('/') || step.Contains(':'))
        {
            throw new ArgumentException($"a step name must be non-empty without '/' or ':': '{step}'", nameof(step));
        }

        lock (_steps)
        {
            _steps.Add((scenario, step, result, latency, at));
        }
    }

    public void RecordInto(RunStats stats)
    {
        lock (_steps)
        {
            foreach (var (scenario, step, result, latency, at) in _steps)
            {
                var target = stats.Step(scenario, step);
                switch (result.Outcome)
                {
                    case StepOutcome.Ok:
                        target.RecordOk(latency, result.StatusCode, result.BytesSent, result.BytesReceived);
                        break;
                    case StepOutcome.Failed:
                        target.RecordFailure(latency, result.Reason ?? "failed", result.StatusCode, result.BytesSent, result.BytesReceived,
                            result.Message, at);
                        break;
                }
            }

            _steps.Clear();
        }
    }
}
