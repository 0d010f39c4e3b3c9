using System.Diagnostics;

namespace OdooPerf.Testing;

/// <summary>
/// How tests run the real <c>odooperf-load</c>: <c>dotnet odooperf-load.dll</c> from the test's own build output (the
/// test project's reference to loadtests/OdooPerf.LoadTests copies it there, wherever --artifacts-path puts the build).
/// </summary>
public static class LoadCommand
{
    public static string AssemblyPath
    {
        get
        {
            var path = Path.Join(AppContext.BaseDirectory, "odooperf-load.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"odooperf-load.dll is not next to the tests ({AppContext.BaseDirectory}); the test project must reference loadtests/OdooPerf.LoadTests.");
        }
    }

    /// <summary>
    /// How to start <c>odooperf-load ARGS</c>. Through <c>env --default-signal=INT</c>: a process started in the
    /// background by a non-interactive shell ignores SIGINT, and children inherit that, so the Ctrl-C tests would test
    /// nothing; the reset gives odooperf-load the disposition an interactive user's Ctrl-C meets.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(CollectorCommand.DotnetHost);
        start.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Plain progress lines whatever the environment of the test run.
        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    /// <summary>Runs <c>odooperf-load ARGS</c> to completion (bounded: a run that does not end fails the test).</summary>
    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(StartInfo(arguments), timeout: TimeSpan.FromSeconds(60));
}
