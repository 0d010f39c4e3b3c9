using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace OdooPerf.Collector.Hosting;

/// <summary>
/// Type=notify support: READY=1 once /metrics is listening, STOPPING=1 on shutdown, and the watchdog
/// keep-alive. .NET's own detection only trusts a parent process named systemd; a notification socket
/// handed over by any service manager (or a test) is honoured as well.
/// </summary>
public static class SystemdIntegration
{
    public static bool HasNotifySocket => Environment.GetEnvironmentVariable("NOTIFY_SOCKET") is { Length: > 0 };

    public static void Register(IServiceCollection services)
    {
        if (SystemdHelpers.IsSystemdService() || HasNotifySocket)
        {
            services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
            services.AddHostedService<SystemdWatchdog>();
        }
    }
}
