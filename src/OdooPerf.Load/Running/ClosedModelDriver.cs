namespace OdooPerf.Load.Running;

/// <summary>
/// The closed model: keeps the scenario's number of virtual users at what its phases ask for (this segment's share),
/// each user starting its next iteration when the last ends. Users are added at once when the target rises; when it
/// falls, the most recently started users finish their current iteration and stop (an iteration is never cut short
/// by a ramp-down).
/// </summary>
internal sealed class ClosedModelDriver(ScenarioExecution execution)
{
    // How often the target is re-read: a ramp to 10,000 users over a minute adds ~8 users per tick.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    private readonly Stack<VirtualUser> _active = new();
    private readonly List<Task> _userTasks = [];

    /// <summary>Runs until the phases end or <paramref name="stop"/>; then asks every user to stop and waits for them.</summary>
    public async Task RunAsync(long scenarioStart, CancellationToken stop)
    {
        var clock = execution.Clock;
        var timeline = execution.Timeline;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var elapsed = clock.GetElapsedTime(scenarioStart);
                if (elapsed >= timeline.Duration)
                {
                    break;
                }

                // Rounded, not truncated: a ramp to N reaches N before its end, and a ramp down reaches 0.
                Adjust(execution.Segment.ShareOf((int)Math.Round(timeline.UsersAt(elapsed), MidpointRounding.AwayFromZero)));
                await Task.Delay(Tick, clock, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        Adjust(0);
        _userTasks.RemoveAll(t => t.IsCompleted);
        await Task.WhenAll(_userTasks).ConfigureAwait(false);
    }

    private void Adjust(int target)
    {
        var progress = execution.Progress;
        progress.TargetUsers = target;
        progress.PeakTargetUsers = Math.Max(progress.PeakTargetUsers, target);
        while (_active.Count < target)
        {
            var user = execution.CreateUser();
            _active.Push(user);
            _userTasks.Add(Task.Run(() => RunUserAsync(user)));
        }

        while (_active.Count > target)
        {
            _active.Pop().RequestStop();
        }

        if (_userTasks.Count > 4 * Math.Max(16, target))
        {
            _userTasks.RemoveAll(t => t.IsCompleted);
        }
    }

    private async Task RunUserAsync(VirtualUser user)
    {
        execution.Users.Increment();
        try
        {
            while (!user.StopRequested && !execution.HardStop.IsCancellationRequested)
            {
                var iteration = execution.RunIterationAsync(user, intendedStart: 0);
                if (iteration.IsCompleted)
                {
                    // It never awaited (a scenario that completes at once, or a user init or scenario that throws
                    // at once): without a yield this loop would keep its thread, and such users starve the runner's timers.
                    await Task.Yield();
                }

                await iteration.ConfigureAwait(false);
            }
        }
        finally
        {
            execution.Users.Decrement();
            user.DisposeState();
        }
    }
}
