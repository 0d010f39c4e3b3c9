using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Stats;
using OdooPerf.Load.Thresholds;

namespace OdooPerf.Load.Running;

/// <summary>
/// Runs scenarios concurrently through their load phases and returns what happened. The order: every scenario's init
/// (a failure there is a <see cref="LoadStartException"/>: the run could not start), the load, the graceful stop
/// (iterations in flight get <see cref="LoadRunOptions.GracefulStop"/> to finish), every scenario's clean, then the
/// thresholds. The run ends when every phase has run, at the maximum duration, when the caller's token is cancelled
/// (Ctrl-C), or when a threshold watched with abort-on-fail fails; it returns a result in every case.
/// </summary>
public sealed class LoadRunner
{
    // How often the time series, the progress and the maximum duration are looked at.
    private static readonly TimeSpan MonitorTick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan AbortCheckEvery = TimeSpan.FromSeconds(1);

    // After the hard stop, iterations that ignore their cancellation token are abandoned after this long.
    private static readonly TimeSpan AbandonAfter = TimeSpan.FromSeconds(5);

    private readonly LoadRunOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly InitStepLog _initSteps = new();

    public LoadRunner(LoadRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        _options = options;
        _clock = options.Clock;
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("OdooPerf.Load");
        PlannedDuration = options.Scenarios.Max(s => s.PlannedDuration);
        if (options.MaxDuration is { } max && max < PlannedDuration)
        {
            PlannedDuration = max;
        }

        Progress = new RunProgress(options.Scenarios.Select(s => new ScenarioProgress(s.Name)).ToArray(), PlannedDuration);
    }

    /// <summary>The length of the load: the longest scenario's phases, capped by the maximum duration.</summary>
    public TimeSpan PlannedDuration { get; }

    /// <summary>The run as it goes (for the console and live metrics).</summary>
    public RunProgress Progress { get; }

    /// <summary>
    /// Runs the load. <paramref name="stop"/> stops it gracefully (reports still written, marked incomplete);
    /// <paramref name="kill"/> also cancels the iterations in flight at once (a second Ctrl-C).
    /// </summary>
    /// <exception cref="LoadStartException">A scenario's init failed: nothing was run.</exception>
    public async Task<LoadRunResult> RunAsync(CancellationToken stop = default, CancellationToken kill = default)
    {
        await WaitForStartAsync(stop).ConfigureAwait(false);
        var initialised = new List<Scenario>();
        try
        {
            await InitAsync(initialised, stop).ConfigureAwait(false);
        }
        catch (LoadStartException)
        {
            // What the scenarios already initialised (sessions, seeded data) is cleaned up before giving up.
            await CleanAsync(initialised).ConfigureAwait(false);
            throw;
        }

        var stats = new RunStats(_options.Stats, _clock);
        _initSteps.RecordInto(stats);
        Progress.Stats = stats;
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var hard = CancellationTokenSource.CreateLinkedTokenSource(kill);
        var executions = _options.Scenarios
            .Select((s, i) => new ScenarioExecution(s, stats, Progress.Scenarios[i], _options.Segment, _clock,
                _logger, hard.Token))
            .ToArray();

        var start = _clock.GetTimestamp();
        var drivers = executions.Select(e => Task.Run(() => DriveAsync(e, start, graceful.Token))).ToArray();
        var all = Task.WhenAll(drivers);
        var reason = await MonitorAsync(executions, stats, start, all, stop).ConfigureAwait(false);

        Progress.Stopping = true;
        await graceful.CancelAsync().ConfigureAwait(false);
        await DrainAsync(all, hard).ConfigureAwait(false);
        stats.Complete();
        foreach (var progress in Progress.Scenarios)
        {
            progress.Phase = "done";
            progress.TargetUsers = 0;
            progress.TargetRate = 0;
        }

        await CleanAsync(_options.Scenarios).ConfigureAwait(false);
        var thresholds = ThresholdEvaluator.Evaluate(_options.Thresholds, stats.AllSnapshots(), _options.Baseline);
        return new LoadRunResult(
            stats,
            executions.Select(Summarise).ToArray(),
            stats.StartedAt,
            stats.StartedAt + stats.Elapsed,
            PlannedDuration,
            reason,
            thresholds,
            _options.Segment);
    }

    private static async Task DriveAsync(ScenarioExecution execution, long start, CancellationToken stop)
    {
        var closed = execution.Timeline.HasClosedModel ? new ClosedModelDriver(execution).RunAsync(start, stop) : Task.CompletedTask;
        var open = execution.Timeline.HasOpenModel ? new OpenModelDriver(execution).RunAsync(start, stop) : Task.CompletedTask;
        await Task.WhenAll(closed, open).ConfigureAwait(false);
    }

    private async Task<StopReason> MonitorAsync(ScenarioExecution[] executions, RunStats stats, long start, Task drivers,
        CancellationToken stop)
    {
        var watch = _options.AbortOnFail ? new AbortOnFailWatch(_options.Thresholds, _options.AbortOnFailMinRequests) : null;
        var nextAbortCheck = AbortCheckEvery;
        while (true)
        {
            var elapsed = _clock.GetElapsedTime(start);
            stats.CloseDueIntervals();
            UpdateProgress(executions, elapsed);
            // The stop first: it also stops the drivers (their token is linked to it), and a closed-model run against a
            // fast server drains before this loop wakes, which must not make an interrupted run look completed.
            if (stop.IsCancellationRequested)
            {
                return StopReason.Interrupted;
            }

            if (drivers.IsCompleted)
            {
                return StopReason.Completed;
            }

            if (_options.MaxDuration is { } max && elapsed >= max)
            {
                _logger.LogWarning("Maximum duration {MaxDuration} reached: stopping before the phases end", max);
                return StopReason.MaxDuration;
            }

            if (watch is not null && elapsed >= nextAbortCheck)
            {
                nextAbortCheck = elapsed + AbortCheckEvery;
                if (watch.Check(stats.AllSnapshots()) is { } failed)
                {
                    _logger.LogWarning("Threshold failed during the run, aborting: {Verdict}", failed.Line);
                    return StopReason.ThresholdAborted;
                }
            }

            // WhenAny never throws: a cancelled delay just ends the wait, and the next turn sees why.
            await Task.WhenAny(drivers, Task.Delay(MonitorTick, _clock, stop)).ConfigureAwait(false);
        }
    }

    private void UpdateProgress(ScenarioExecution[] executions, TimeSpan elapsed)
    {
        foreach (var execution in executions)
        {
            var span = execution.Timeline.SpanAt(elapsed);
            execution.Progress.Phase = span?.Phase.ToString() ?? "done";
            execution.Progress.TargetRate = execution.Timeline.RateAt(elapsed) / execution.Segment.Count;
        }
    }

    private async Task DrainAsync(Task drivers, CancellationTokenSource hard)
    {
        if (!drivers.IsCompleted)
        {
            await Task.WhenAny(drivers, Task.Delay(_options.GracefulStop, _clock, hard.Token)).ConfigureAwait(false);
        }

        if (!drivers.IsCompleted)
        {
            _logger.LogWarning("Iterations still running {GracefulStop} after the stop: cancelling them", _options.GracefulStop);
            await hard.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(drivers, Task.Delay(AbandonAfter, _clock, CancellationToken.None)).ConfigureAwait(false);
        }

        if (drivers.IsFaulted)
        {
            // A driver bug, not a server failure: say so rather than report a run that did not happen as planned.
            _logger.LogError(drivers.Exception, "The load driver failed");
        }
    }

    private async Task WaitForStartAsync(CancellationToken stop)
    {
        if (_options.StartAt is not { } startAt)
        {
            return;
        }

        var wait = startAt - _clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            _logger.LogInformation("Waiting until {StartAt:O} to start", startAt);
            await Task.Delay(wait, _clock, stop).ConfigureAwait(false);
        }
    }

    private async Task InitAsync(List<Scenario> initialised, CancellationToken stop)
    {
        foreach (var scenario in _options.Scenarios)
        {
            if (scenario.Init is not { } init)
            {
                initialised.Add(scenario);
                continue;
            }

            try
            {
                await init(new ScenarioInitContext(scenario.Name, _options.Segment, _logger, stop) { Log = _initSteps, Clock = _clock }).ConfigureAwait(false);
                initialised.Add(scenario);
            }
            catch (LoadStartException)
            {
                throw;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                throw new LoadStartException($"scenario '{scenario.Name}': interrupted during init");
            }
            catch (Exception e)
            {
                throw new LoadStartException($"scenario '{scenario.Name}' could not start: {StepFailureReason.Of(e)}: {e.Message}", e);
            }
        }
    }

    private async Task CleanAsync(IEnumerable<Scenario> scenarios)
    {
        foreach (var scenario in scenarios)
        {
            if (scenario.Clean is not { } clean)
            {
                continue;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), _clock);
            try
            {
                await clean(new ScenarioInitContext(scenario.Name, _options.Segment, _logger, timeout.Token) { Clock = _clock }).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // The load is over and measured; a failed clean-up is reported, not allowed to lose the results.
                _logger.LogWarning("Scenario {Scenario} clean failed: {Reason}: {Message}", scenario.Name, StepFailureReason.Of(e), e.Message);
            }
        }
    }

    private static ScenarioRunSummary Summarise(ScenarioExecution execution) =>
        new(execution.Scenario.Name,
            execution.Scenario.Phases,
            execution.Iterations.Started,
            execution.Iterations.Dropped,
            execution.Users.Peak,
            execution.Progress.PeakTargetUsers,
            execution.Progress.MaxSchedulingLagMs);

    private static void Validate(LoadRunOptions options)
    {
        if (options.Scenarios.Count == 0)
        {
            throw new ArgumentException("a run needs at least one scenario");
        }

        var duplicate = options.Scenarios.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two scenarios are named '{duplicate.Key}'");
        }

        var idle = options.Scenarios.FirstOrDefault(s => s.Phases.Count == 0);
        if (idle is not null)
        {
            throw new ArgumentException($"scenario '{idle.Name}' has no load phases (Scenario.WithLoad)");
        }

        if (options.GracefulStop < TimeSpan.Zero || options.MaxDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException("the graceful stop cannot be negative and the maximum duration must be positive");
        }
    }
}
