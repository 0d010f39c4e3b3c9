using Microsoft.Extensions.Logging;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Scenarios;

/// <summary>
/// What one virtual user's iteration sees: who it is, which iteration, its state bag (kept across its iterations),
/// the run's cancellation, a logger, the data feed, and <see cref="Step"/> to time what it does. One context per
/// virtual user, reused by its iterations (a user runs one iteration at a time).
/// </summary>
public sealed class ScenarioContext
{
    private readonly RunStats _stats;
    private readonly TimeProvider _clock;
    private readonly IDataFeed? _feed;
    private readonly Dictionary<string, StepStats> _steps = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loggedReasons = new(StringComparer.Ordinal);
    private long _measureFirstStepFrom;
    private bool _dataTaken;
    private object? _data;

    internal ScenarioContext(string scenarioName, int userId, RunStats stats, TimeProvider clock, IDataFeed? feed,
        ExecutionSegment segment, ILogger logger, CancellationToken cancellationToken)
    {
        ScenarioName = scenarioName;
        UserId = userId;
        _stats = stats;
        _clock = clock;
        _feed = feed;
        Segment = segment;
        Logger = logger;
        CancellationToken = cancellationToken;
    }

    public string ScenarioName { get; }

    /// <summary>1-based, unique within the scenario in this process.</summary>
    public int UserId { get; }

    /// <summary>0-based count of this user's iterations.</summary>
    public long Iteration { get; private set; } = -1;

    /// <summary>This user's own values, kept across its iterations (a session, an HttpClient, ids it created).</summary>
    public Dictionary<string, object?> State { get; } = new(StringComparer.Ordinal);

    /// <summary>Cancelled when the run stops for good (after the graceful-stop wait); pass it to every call.</summary>
    public CancellationToken CancellationToken { get; }

    public ILogger Logger { get; }

    public ExecutionSegment Segment { get; }

    /// <summary>
    /// The data feed's item for this iteration (the same item however often it is asked for within the iteration).
    /// </summary>
    public T Data<T>()
    {
        if (_feed is null)
        {
            throw new InvalidOperationException($"scenario '{ScenarioName}' has no data feed (Scenario.WithDataFeed)");
        }

        if (!_dataTaken)
        {
            _data = _feed.Next(this);
            _dataTaken = true;
        }

        return (T)_data!;
    }

    /// <summary>
    /// Runs and times one step and records it under <paramref name="name"/>. An exception becomes a failure (reason
    /// from <see cref="StepFailureReason"/>) except cancellation by the run stopping, which is rethrown and not
    /// recorded. In the open model, the iteration's first step is timed from the iteration's intended start, so time
    /// spent waiting to start (the generator or the connection pool behind) counts as latency, as the user would see it.
    /// </summary>
    public async Task<StepResult> Step(string name, Func<Task<StepResult>> run)
    {
        var stats = StepStats(name);
        using var activity = LoadTracing.Source.HasListeners() ? StartActivity(name) : null;
        var started = _clock.GetTimestamp();
        var from = _measureFirstStepFrom != 0 ? Math.Min(_measureFirstStepFrom, started) : started;
        _measureFirstStepFrom = 0;
        StepResult result;
        try
        {
            result = await run().ConfigureAwait(false);
        }
        catch (Exception e) when (!CancellationToken.IsCancellationRequested)
        {
            result = StepResult.Fail(StepFailureReason.Of(e));
            LogFirstFailure(name, result.Reason!, e);
        }

        var latency = _clock.GetElapsedTime(from);
        activity?.SetTag("odooperf.step.outcome", result.Outcome.ToString().ToLowerInvariant());
        if (result.IsFailed)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Reason);
        }

        switch (result.Outcome)
        {
            case StepOutcome.Ok:
                stats.RecordOk(latency, result.StatusCode, result.BytesSent, result.BytesReceived);
                break;
            case StepOutcome.Failed:
                stats.RecordFailure(latency, result.Reason ?? "failed", result.StatusCode, result.BytesSent, result.BytesReceived, result.Message);
                break;
        }

        return result;
    }

    private System.Diagnostics.Activity? StartActivity(string step)
    {
        var activity = LoadTracing.Source.StartActivity($"step {step}", System.Diagnostics.ActivityKind.Client);
        activity?.SetTag("odooperf.scenario", ScenarioName);
        activity?.SetTag("odooperf.step", step);
        activity?.SetTag("odooperf.user", UserId);
        return activity;
    }

    /// <summary>A pause as a user would take between actions, uniformly random between the bounds; not recorded.</summary>
    public Task Think(TimeSpan min, TimeSpan max)
    {
        if (max < min)
        {
            (min, max) = (max, min);
        }

        var pause = min + (max - min) * Random.Shared.NextDouble();
        return pause <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(pause, _clock, CancellationToken);
    }

    /// <summary>Starts the next iteration; <paramref name="intendedStart"/> (a clock timestamp) is 0 in the closed model.</summary>
    internal void BeginIteration(long intendedStart)
    {
        Iteration++;
        _measureFirstStepFrom = intendedStart;
        _dataTaken = false;
        _data = null;
    }

    internal StepStats StepStats(string name)
    {
        if (_steps.TryGetValue(name, out var stats))
        {
            return stats;
        }

        if (string.IsNullOrWhiteSpace(name) || name.Contains('/') || name.Contains(':'))
        {
            throw new ArgumentException($"a step name must be non-empty without '/' or ':': '{name}'", nameof(name));
        }

        stats = _stats.Step(ScenarioName, name);
        _steps[name] = stats;
        return stats;
    }

    // One log line per user, step and reason: a failing target must not flood the console.
    private void LogFirstFailure(string step, string reason, Exception e)
    {
        if (_loggedReasons.Count < 20 && _loggedReasons.Add(step + "\n" + reason))
        {
            Logger.LogWarning("Scenario {Scenario} step {Step} failed: {Reason}: {Message}", ScenarioName, step, reason, e.Message);
        }
    }
}
