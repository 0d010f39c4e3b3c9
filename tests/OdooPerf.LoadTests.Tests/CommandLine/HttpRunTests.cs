using OdooPerf.Testing;
using System.Text;
using OdooPerf.LoadTests.Tests.Fixtures;
using Xunit;

namespace OdooPerf.LoadTests.Tests.CommandLine;

/// <summary>
/// <c>odooperf-load http</c> against a real Kestrel server: the reports and their contract fields, the counts against
/// what the server saw, thresholds and exit codes, an unreachable target, credentials in the URL.
/// </summary>
public sealed class HttpRunTests
{
    // The init makes one GET before the load; the server sees it, the report does not.
    private const int InitRequests = 1;

    [Fact]
    public async Task A_closed_model_run_writes_the_three_reports_with_the_contract_fields_and_counts_what_the_server_saw()
    {
        await using var server = await TargetServer.StartAsync();
        using var reports = new TempDirectory();

        var result = await LoadCommand.RunAsync("http", "--url", server.Url, "--users", "2", "--duration", "1s", "--interval", "500ms",
            "--report-dir", reports.Path, "--title", "closed model");

        Output.AssertExit(result, 0);
        var report = ReportJson.Read(reports.Path);
        Assert.Equal(server.Requests - InitRequests, report.Long("totals.requests"));
        Assert.True(report.Long("totals.requests") > 10, $"only {report.Long("totals.requests")} requests in a second");
        Assert.Equal(0, report.Long("totals.failed"));
        Assert.Equal(2, report.Long("peakUsers"));
        Assert.Equal(0, report.Long("dropped"));
        Assert.InRange(report.Double("durationSeconds"), 0.9, 5);
        Assert.True(report.Double("totals.rps") > 0);
        foreach (var percentile in new[] { "p50", "p95", "p99", "max" })
        {
            Assert.True(report.Double($"totals.latencyMs.{percentile}") > 0, $"totals.latencyMs.{percentile} is not positive");
        }

        Assert.True(report.Double("totals.latencyMs.p50") <= report.Double("totals.latencyMs.max"));
        Assert.Equal(TargetServer.Body.Length * report.Long("totals.requests"), report.Long("totals.bytesReceived"));
        Assert.True(report.Bool("complete"));
        Assert.Equal("completed", report.String("stopReason"));
        Assert.Equal("closed model", report.String("title"));
        var step = report.Get("scenarios").EnumerateArray().Single();
        Assert.Equal("http", step.GetProperty("name").GetString());
        Assert.Equal("get", step.GetProperty("steps").EnumerateArray().Single().GetProperty("name").GetString());

        Assert.Contains("closed model", await File.ReadAllTextAsync(Path.Join(reports.Path, "report.md")), StringComparison.Ordinal);
        Assert.Contains("<html", await File.ReadAllTextAsync(Path.Join(reports.Path, "report.html")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("http/get", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(Path.Join(reports.Path, "report.html"), result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_model_run_starts_the_asked_rate_and_reports_it()
    {
        await using var server = await TargetServer.StartAsync();
        using var reports = new TempDirectory();

        var result = await LoadCommand.RunAsync("http", "--url", server.Url, "--rate", "40", "--duration", "1s", "--report-dir", reports.Path);

        Output.AssertExit(result, 0);
        var report = ReportJson.Read(reports.Path);
        var requests = report.Long("totals.requests");
        Assert.Equal(server.Requests - InitRequests, requests);
        Assert.InRange(requests, 39, 41);
        Assert.Equal(0, report.Long("dropped"));
        Assert.Contains("inject_rate(40/s, 1s)", report.Get("scenarios").EnumerateArray().Single().GetProperty("phases").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Thresholds_that_pass_exit_0_and_a_failing_one_exits_1_with_its_verdict()
    {
        await using var server = await TargetServer.StartAsync();
        using var passing = new TempDirectory();
        using var failing = new TempDirectory();

        var passed = await LoadCommand.RunAsync("http", "--url", server.Url, "--users", "1", "--duration", "1s", "--report-dir", passing.Path,
            "--threshold", "p95 < 5s", "--threshold", "fail_rate < 1%", "--threshold", "http/get: requests > 1");
        var failed = await LoadCommand.RunAsync("http", "--url", server.Url, "--users", "1", "--duration", "1s", "--report-dir", failing.Path,
            "--threshold", "p95 < 5s", "--threshold", "requests > 100000000");

        Output.AssertExit(passed, 0);
        Assert.True(ReportJson.Read(passing.Path).Bool("thresholdsPassed"));
        Output.AssertExit(failed, 1);
        var report = ReportJson.Read(failing.Path);
        Assert.False(report.Bool("thresholdsPassed"));
        var outcomes = report.Get("thresholds").EnumerateArray().ToDictionary(t => t.GetProperty("expression").GetString()!, t => t.GetProperty("outcome").GetString());
        Assert.Equal("passed", outcomes["p95 < 5s"]);
        Assert.Equal("failed", outcomes["requests > 100000000"]);
        Assert.Contains("FAILED", failed.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_statuses_fail_with_reason_http_status_and_fail_the_fail_rate_threshold()
    {
        await using var server = await TargetServer.StartAsync(status: 503);
        using var reports = new TempDirectory();

        var result = await LoadCommand.RunAsync("http", "--url", server.Url, "--users", "1", "--duration", "1s", "--report-dir", reports.Path,
            "--threshold", "fail_rate < 2%");

        Output.AssertExit(result, 1);
        var report = ReportJson.Read(reports.Path);
        Assert.Equal(report.Long("totals.requests"), report.Long("totals.failed"));
        Assert.Equal(report.Long("totals.failed"), report.Long("totals.failuresByReason.http_503"));
        Assert.Equal(report.Long("totals.failed"), report.Long("totals.statusCodes.503"));
    }

    [Fact]
    public async Task Abort_on_fail_stops_the_run_at_the_first_failed_threshold_and_exits_1()
    {
        await using var server = await TargetServer.StartAsync(status: 500);
        using var reports = new TempDirectory();

        var result = await LoadCommand.RunAsync("http", "--url", server.Url, "--users", "2", "--duration", "60s", "--report-dir", reports.Path,
            "--threshold", "fail_rate < 1%", "--abort-on-fail");

        Output.AssertExit(result, 1);
        var report = ReportJson.Read(reports.Path);
        Assert.Equal("threshold-aborted", report.String("stopReason"));
        Assert.False(report.Bool("complete"));
        Assert.True(report.Double("durationSeconds") < 30, $"the run went on for {report.Double("durationSeconds")}s");
    }

    [Fact]
    public async Task An_unreachable_target_is_one_line_and_exit_code_3_and_leaves_no_report_directory()
    {
        using var scratch = new TempDirectory();
        var reports = scratch.Join("reports");
        var nobody = OdooPerf.Testing.FreePort.Next();

        var result = await LoadCommand.RunAsync("http", "--url", $"http://127.0.0.1:{nobody}/", "--users", "1", "--duration", "1s", "--report-dir", reports);

        Output.AssertOneLineError(result, 3, $"could not start: cannot reach http://127.0.0.1:{nobody}/: connection_refused");
        Assert.False(Directory.Exists(reports));
    }

    [Fact]
    public async Task Credentials_in_the_url_are_sent_as_basic_auth_and_never_printed_or_written()
    {
        const string user = "loadtester";
        const string password = "s3cr3t-Pa55word";
        await using var server = await TargetServer.StartAsync();
        using var reports = new TempDirectory();
        var url = $"http://{user}:{password}@127.0.0.1:{server.Port}/";

        var result = await LoadCommand.RunAsync("http", "--url", url, "--users", "1", "--duration", "1s", "--report-dir", reports.Path);
        var unreachable = await LoadCommand.RunAsync("http", "--url", $"http://{user}:{password}@127.0.0.1:1/", "--users", "1", "--duration", "1s",
            "--report-dir", reports.Join("never"));

        Output.AssertExit(result, 0);
        var credential = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        Assert.Equal($"Basic {credential}", server.Authorization);
        Output.AssertExit(unreachable, 3);
        var everything = new[] { result.StandardOutput, result.StandardError, unreachable.StandardOutput, unreachable.StandardError }
            .Concat(Directory.EnumerateFiles(reports.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var text in everything)
        {
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(credential, text, StringComparison.Ordinal);
            Assert.DoesNotContain($"{user}:", text, StringComparison.Ordinal);
        }

        Assert.Contains($"http://***@127.0.0.1:{server.Port}/", ReportJson.Read(reports.Path).String("title"), StringComparison.Ordinal);
    }
}
