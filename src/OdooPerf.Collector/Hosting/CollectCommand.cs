using System.Reflection;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;

namespace OdooPerf.Collector.Hosting;

/// <summary><c>odooperf collect</c>: runs the daemon until SIGTERM or Ctrl-C.</summary>
public static class CollectCommand
{
    public static string Version { get; } =
        typeof(CollectCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Returns the exit code: 0 after a clean shutdown, 2 on bad input.</summary>
    public static async Task<int> RunAsync(string? configFile, IReadOnlyDictionary<string, string?> flags)
    {
        CollectorOptions options;
        Microsoft.Extensions.Configuration.IConfiguration configuration;
        try
        {
            (configuration, options) = CollectorConfiguration.Load(configFile, flags);
        }
        catch (StartupException ex)
        {
            return Fail(ex.Message);
        }

        await using var logger = CollectorLogging.Create(options.Logging);
        using var host = CollectorHost.Build(options, configuration, logger, Version);
        try
        {
            await host.StartAsync().ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            var reason = ex.InnerException is AddressInUseException ? "address already in use" : (ex.InnerException ?? ex).Message;
            return Fail($"cannot listen on {options.Listen}: {reason}");
        }

        await host.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"odooperf: {message}");
        return StartupException.ExitCode;
    }
}
