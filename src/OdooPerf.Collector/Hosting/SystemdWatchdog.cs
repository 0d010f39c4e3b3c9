using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace OdooPerf.Collector.Hosting;

/// <summary>
/// Sends WATCHDOG=1 at half the interval systemd asks for (WatchdogSec, passed as WATCHDOG_USEC). The
/// keep-alive runs on the thread pool, so a daemon whose thread pool is starved or deadlocked misses it
/// and systemd restarts it.
/// </summary>
public sealed class SystemdWatchdog(ISystemdNotifier notifier, ILogger<SystemdWatchdog> logger) : BackgroundService
{
    private static readonly ServiceState Alive = new("WATCHDOG=1");

    /// <summary>The keep-alive interval systemd asked for this process, or null when it asked none.</summary>
    public static TimeSpan? RequestedInterval()
    {
        if (!long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return null;
        }

        // WATCHDOG_PID, when set, names the process the watchdog is meant for.
        var pid = Environment.GetEnvironmentVariable("WATCHDOG_PID");
        if (pid is { Length: > 0 } && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (RequestedInterval() is not { } interval || !notifier.IsEnabled)
        {
            return;
        }

        var period = interval / 2;
        logger.LogInformation("systemd watchdog enabled: keep-alive every {Period}", period);
        using var timer = new PeriodicTimer(period);
        do
        {
            notifier.Notify(Alive);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
