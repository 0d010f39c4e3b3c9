using System.Collections.Concurrent;

namespace OdooPerf.Load.Running;

/// <summary>
/// The open model: starts iterations at the fixed times of <see cref="OpenArrivals"/>, whatever the server's speed,
/// each on a free virtual user from a pool of at most <see cref="Scenarios.Scenario.MaxConcurrentIterations"/> (this
/// segment's share). An iteration due when every user is busy is dropped and counted, never started late in secret;
/// an iteration the generator itself starts late is timed from its intended start, so the delay counts as latency
/// (no coordinated omission). How late the scheduler ran is kept as the scenario's scheduling lag.
/// </summary>
internal sealed class OpenModelDriver(ScenarioExecution execution)
{
    // Sleeping for less than this is not precise on a general-purpose OS; iterations due that soon start now.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    private readonly ConcurrentBag<VirtualUser> _idle = [];
    private int _created;
    private int _inFlight;
    private double _maxLagMs;

    public async Task RunAsync(long scenarioStart, CancellationToken stop)
    {
        var clock = execution.Clock;
        var maxUsers = Math.Max(1, execution.Segment.ShareOf(execution.Scenario.MaxConcurrentIterations));
        var arrivals = new OpenArrivals(execution.Timeline, execution.Segment);
        var frequency = clock.TimestampFrequency;
        try
        {
            while (!stop.IsCancellationRequested && arrivals.TryNext(out var due))
            {
                var wait = due - clock.GetElapsedTime(scenarioStart);
                if (wait >= MinimumWait)
                {
                    await Task.Delay(wait, clock, stop).ConfigureAwait(false);
                }

                var lagMs = (clock.GetElapsedTime(scenarioStart) - due).TotalMilliseconds;
                if (lagMs > _maxLagMs)
                {
                    _maxLagMs = lagMs;
                    execution.Progress.MaxSchedulingLagMs = lagMs;
                }

                if (!TryRent(maxUsers, out var user))
                {
                    execution.Iterations.RecordDropped();
                    continue;
                }

                var intendedStart = scenarioStart + (long)(due.Ticks * (double)frequency / TimeSpan.TicksPerSecond);
                Interlocked.Increment(ref _inFlight);
                execution.Users.Increment();
                ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Driver.RunOneAsync(state.User, state.IntendedStart),
                    (Driver: this, User: user, IntendedStart: intendedStart), preferLocal: false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        // Iterations in flight finish (or are cancelled by the hard stop); then the pool's users are disposed.
        while (Volatile.Read(ref _inFlight) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), clock, CancellationToken.None).ConfigureAwait(false);
        }

        foreach (var user in _idle)
        {
            user.DisposeState();
        }
    }

    private bool TryRent(int maxUsers, out VirtualUser user)
    {
        if (_idle.TryTake(out user!))
        {
            return true;
        }

        if (Interlocked.Increment(ref _created) <= maxUsers)
        {
            user = execution.CreateUser();
            return true;
        }

        Interlocked.Decrement(ref _created);
        return false;
    }

    private async Task RunOneAsync(VirtualUser user, long intendedStart)
    {
        try
        {
            await execution.RunIterationAsync(user, intendedStart).ConfigureAwait(false);
        }
        finally
        {
            execution.Users.Decrement();
            _idle.Add(user);
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
