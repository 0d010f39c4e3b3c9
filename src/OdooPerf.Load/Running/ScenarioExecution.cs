using Microsoft.Extensions.Logging;
using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Running;

/// <summary>
/// One scenario during the run: what its drivers share. Creates virtual users and runs iterations, turning an
/// exception that escapes the scenario function (outside any step) into a failure of the step <c>unhandled</c>.
/// </summary>
internal sealed class ScenarioExecution
{
    public const string UnhandledStep = "unhandled";

    private readonly ILogger _logger;
    private int _lastUserId;
    private int _unhandledLogged;

    public ScenarioExecution(Scenario scenario, RunStats stats, ScenarioProgress progress, ExecutionSegment segment,
        TimeProvider clock, ILogger logger, CancellationToken hardStop)
    {
        Scenario = scenario;
        Stats = stats;
        Progress = progress;
        Segment = segment;
        Clock = clock;
        _logger = logger;
        HardStop = hardStop;
        Timeline = new ScenarioTimeline(scenario.Phases);
        Users = stats.Users(scenario.Name);
        Iterations = stats.Iterations(scenario.Name);
    }

    public Scenario Scenario { get; }

    public RunStats Stats { get; }

    public ScenarioProgress Progress { get; }

    public ExecutionSegment Segment { get; }

    public TimeProvider Clock { get; }

    /// <summary>Cancelled when in-flight iterations must give up (after the graceful-stop wait).</summary>
    public CancellationToken HardStop { get; }

    public ScenarioTimeline Timeline { get; }

    public ConcurrencyGauge Users { get; }

    public IterationCounter Iterations { get; }

    public VirtualUser CreateUser() =>
        new(new ScenarioContext(Scenario.Name, Interlocked.Increment(ref _lastUserId), Stats, Clock, Scenario.Feed,
            Segment, _logger, HardStop));

    /// <summary>
    /// Runs one iteration of <paramref name="user"/> (its per-user init first, once). Never throws: failures are
    /// recorded, and cancellation by the run stopping just ends the iteration.
    /// </summary>
    public async Task RunIterationAsync(VirtualUser user, long intendedStart)
    {
        var context = user.Context;
        var started = Clock.GetTimestamp();
        try
        {
            if (!user.Initialized)
            {
                user.Initialized = true;
                if (Scenario.UserInit is { } init)
                {
                    await init(context).ConfigureAwait(false);
                }
            }

            context.BeginIteration(intendedStart);
            Iterations.RecordStarted();
            var iteration = Scenario.Run(context);
            if (iteration.IsCompleted)
            {
                // A scenario that never awaits would otherwise keep this thread forever in the closed model's loop.
                await Task.Yield();
            }

            await iteration.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (HardStop.IsCancellationRequested)
        {
            // The run is stopping: the cut-off iteration is not a failure of the server.
        }
        catch (Exception e)
        {
            var reason = StepFailureReason.Of(e);
            context.StepStats(UnhandledStep).RecordFailure(Clock.GetElapsedTime(started), reason);
            if (Interlocked.Increment(ref _unhandledLogged) <= 5)
            {
                _logger.LogWarning("Scenario {Scenario}: iteration failed outside a step: {Reason}: {Message}",
                    Scenario.Name, reason, e.Message);
            }
        }
    }
}
