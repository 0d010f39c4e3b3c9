using OdooPerf.Testing;
using OdooPerf.LoadTests.Tests.Fixtures;
using Xunit;

namespace OdooPerf.LoadTests.Tests.CommandLine;

/// <summary>The real <c>odooperf-load</c>: help, version, and bad input (one line on stderr, exit code 2, no load).</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Version_prints_the_version_and_exits_0()
    {
        var result = await LoadCommand.RunAsync("--version");

        Output.AssertExit(result, 0);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Help_lists_the_commands_and_the_http_options()
    {
        var root = await LoadCommand.RunAsync("--help");
        var http = await LoadCommand.RunAsync("http", "--help");

        Output.AssertExit(root, 0);
        Assert.Contains("http", root.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("merge", root.StandardOutput, StringComparison.Ordinal);
        Output.AssertExit(http, 0);
        foreach (var option in new[] { "--url", "--users", "--rate", "--duration", "--ramp-up", "--report-dir", "--threshold", "--abort-on-fail",
                     "--baseline", "--max-duration", "--graceful-stop", "--segment", "--start-at", "--metrics-listen", "--interval", "--timeout",
                     "--connections", "--max-concurrency", "--title", "--plain" })
        {
            Assert.Contains(option, http.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_metrics_address_in_use_is_one_line_and_exit_code_2()
    {
        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((System.Net.IPEndPoint)occupant.LocalEndpoint).Port;

        using var scratch = new TempDirectory();

        var result = await LoadCommand.RunAsync("http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s",
            "--metrics-listen", $"127.0.0.1:{port}", "--report-dir", scratch.Join("reports"));

        Output.AssertOneLineError(result, 2, $"cannot listen on 127.0.0.1:{port} (--metrics-listen): address already in use");
        Assert.False(Directory.Exists(scratch.Join("reports")));
    }

    // The URL's port is 1: were any of these to start a load, the test would see exit code 3, not 2.
    [Theory]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--threshold", "p95 < 3" }, "invalid threshold 'p95 < 3': a latency needs a unit")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--threshold", "p95 <> 3s" }, "invalid threshold 'p95 <> 3s'")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--threshold", "latency < 3s" }, "unknown metric 'latency'")]
    [InlineData(new[] { "http", "--url", "ftp://127.0.0.1/", "--users", "1", "--duration", "1s" }, "invalid --url 'ftp://127.0.0.1/'")]
    [InlineData(new[] { "http", "--url", "/relative", "--users", "1", "--duration", "1s" }, "invalid --url '/relative'")]
    [InlineData(new[] { "http", "--users", "1", "--duration", "1s" }, "--url is required")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--duration", "1s" }, "give either --users N (closed model) or --rate R")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "2", "--rate", "5", "--duration", "1s" }, "give either --users N (closed model) or --rate R")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "0", "--duration", "1s" }, "invalid --users '0'")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "many", "--duration", "1s" }, "invalid --users 'many'")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--rate", "-5", "--duration", "1s" }, "invalid --rate '-5'")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1" }, "--duration is required")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "soon" }, "invalid --duration 'soon'")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--ramp-up", "0s" }, "invalid --ramp-up '0s'")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--segment", "3/2" }, "invalid --segment '3/2'")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--start-at", "tomorrow" }, "invalid --start-at 'tomorrow'")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--start-at", "2030-01-01T09:00:00" }, "with its offset")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--metrics-listen", "9721" }, "invalid --metrics-listen '9721'")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--interval", "10ms" }, "invalid --interval '10ms': must be at least 100ms")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--timeout", "0" }, "invalid --timeout '0'")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--max-concurrency", "10" }, "apply to --rate only")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--rate", "1", "--duration", "1s", "--connections", "0" }, "invalid --connections '0'")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--baseline", "/nonexistent/report.json" }, "invalid --baseline: /nonexistent/report.json: cannot be read")]
    [InlineData(new[] { "http", "--url", "http://127.0.0.1:1/", "--users", "1", "--duration", "1s", "--report-dir", "/proc/odooperf-load" }, "invalid --report-dir '/proc/odooperf-load'")]
    [InlineData(new[] { "http", "--frobnicate" }, "--frobnicate")]
    [InlineData(new[] { "merge", "--report-dir", "/tmp" }, "Required argument missing")]
    [InlineData(new string[0], "Required command was not provided")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_code_2(string[] arguments, string expected)
    {
        var result = await LoadCommand.RunAsync(arguments);

        Output.AssertOneLineError(result, 2, expected);
    }
}
