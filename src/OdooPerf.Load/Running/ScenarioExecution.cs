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

    /// <summary>The step a failed per-user init is recorded under; the user retries it before its next iteration.</summary>
    public const string UserInitStep = "user_init";

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
                if (Scenario.UserInit is { } init && !await InitUserAsync(user, init).ConfigureAwait(false))
                {
                    return;
                }

                user.Initialized = true;
            }

            context.BeginIteration(intendedStart);
            Iterations.RecordStarted();
            await Scenario.Run(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (HardStop.IsCancellationRequested)
        {
            // The run is stopping: the cut-off iteration is not a failure of the server.
        }
        catch (Exception e)
        {
            RecordUnhandled(context, UnhandledStep, started, e);
        }
    }

    // A user whose init failed (its login refused, say) has not started: the failure is recorded and it tries again.
    private async Task<bool> InitUserAsync(VirtualUser user, Func<ScenarioContext, Task> init)
    {
        var started = Clock.GetTimestamp();
        try
        {
            await init(user.Context).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (HardStop.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e)
        {
            RecordUnhandled(user.Context, UserInitStep, started, e);
            user.DisposeState();
            return false;
        }
    }

    private void RecordUnhandled(ScenarioContext context, string step, long started, Exception e)
    {
        var reason = StepFailureReason.Of(e);
        context.StepStats(step).RecordFailure(Clock.GetElapsedTime(started), reason);
        if (Interlocked.Increment(ref _unhandledLogged) <= 5)
        {
            _logger.LogWarning("Scenario {Scenario}: {Step} failed: {Reason}: {Message}", Scenario.Name, step, reason, e.Message);
        }
    }
}
