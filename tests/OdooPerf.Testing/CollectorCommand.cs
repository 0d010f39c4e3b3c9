using System.Diagnostics;

namespace OdooPerf.Testing;

/// <summary>
/// How tests run the real <c>odooperf</c> executable: <c>dotnet odooperf.dll</c> from the build output
/// of the test project (a project reference to the collector copies it there).
/// </summary>
public static class CollectorCommand
{
    public static string AssemblyPath
    {
        get
        {
            var path = Path.Join(AppContext.BaseDirectory, "odooperf.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"odooperf.dll is not next to the tests ({AppContext.BaseDirectory}); the test project must reference src/OdooPerf.Collector.");
        }
    }

    /// <summary>The dotnet host running the tests, so the collector runs on the same runtime.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// How to start <c>odooperf ARGS</c>; <paramref name="assemblyPath"/> names another build of
    /// odooperf.dll (a published one, say) than the one next to the tests.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? assemblyPath = null)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assemblyPath ?? AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A test never inherits systemd or OTLP settings from the machine running it.
        foreach (var inherited in new[] { "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ODOOPERF_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Runs <c>odooperf ARGS</c> to completion.</summary>
    public static Task<ProcessResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        return ProcessRunner.RunAsync(StartInfo(arguments, environment), timeout: timeout);
    }
}
