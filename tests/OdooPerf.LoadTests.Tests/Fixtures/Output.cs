using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Fixtures;

/// <summary>Assertions on what odooperf-load printed.</summary>
public static class Output
{
    /// <summary>Exit code <paramref name="exitCode"/>, one line on stderr containing <paramref name="expected"/>, no stack trace.</summary>
    public static void AssertOneLineError(ProcessResult result, int exitCode, string expected)
    {
        var stderr = result.StandardError.TrimEnd('\n');
        Assert.True(exitCode == result.ExitCode, $"exit code {result.ExitCode}, expected {exitCode}.\nstdout: {result.StandardOutput}\nstderr: {result.StandardError}");
        Assert.DoesNotContain('\n', stderr);
        Assert.StartsWith("odooperf-load: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    public static void AssertNoStackTrace(ProcessResult result)
    {
        var all = result.StandardOutput + "\n" + result.StandardError;
        Assert.DoesNotMatch(@"\n\s+at \S+\(", all);
        Assert.DoesNotContain("Exception:", all, StringComparison.Ordinal);
    }

    public static void AssertExit(ProcessResult result, int exitCode) =>
        Assert.True(exitCode == result.ExitCode, $"exit code {result.ExitCode}, expected {exitCode}.\nstdout: {result.StandardOutput}\nstderr: {result.StandardError}");
}
