using OdooPerf.LoadTests.Tests.Fixtures;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.LoadTests.Tests.CommandLine;

/// <summary>Ctrl-C and SIGTERM stop a run gracefully: it exits by itself and still writes its reports, marked incomplete.</summary>
public sealed class SignalTests
{
    [Theory]
    [InlineData(LoadProcess.SigInt)]
    [InlineData(Signals.SigTerm)]
    public async Task A_signal_mid_run_writes_the_reports_marked_interrupted(int signal)
    {
        await using var server = await TargetServer.StartAsync();
        using var reports = new TempDirectory();
        await using var load = LoadProcess.Start("http", "--url", server.Url, "--users", "2", "--duration", "60s", "--interval", "200ms",
            "--report-dir", reports.Path, "--threshold", "fail_rate < 1%");

        // A progress line means the load has started.
        await load.WaitForLineAsync(line => line.StartsWith('[') && line.Contains("req/s", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        load.Signal(signal);
        var result = await load.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Output.AssertExit(result, 0);
        Output.AssertNoStackTrace(result);
        var report = ReportJson.Read(reports.Path);
        Assert.False(report.Bool("complete"));
        Assert.Equal("interrupted", report.String("stopReason"));
        Assert.True(report.Double("durationSeconds") < 30, $"the run went on for {report.Double("durationSeconds")}s after the signal");
        Assert.Equal(server.Requests - 1, report.Long("totals.requests"));
        Assert.True(File.Exists(Path.Join(reports.Path, "report.html")));
        Assert.Contains("INCOMPLETE", result.StandardOutput, StringComparison.Ordinal);
    }
}
