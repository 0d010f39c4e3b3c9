using OdooPerf.Collector.OdooLog.Tailing;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>A follower running in the background for the length of a test; disposing stops it (within a bound).</summary>
internal sealed class FollowerRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _task;

    private FollowerRun(Func<CancellationToken, Task> run)
    {
        _task = Task.Run(() => run(_stop.Token));
    }

    public static FollowerRun Start(ILogFollower follower) => new(follower.RunAsync);

    public static FollowerRun Start(LogTailer tailer) => new(tailer.RunAsync);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_task.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
