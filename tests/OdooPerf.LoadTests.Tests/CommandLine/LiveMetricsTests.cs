using System.Diagnostics;
using OdooPerf.LoadTests.Tests.Fixtures;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.LoadTests.Tests.CommandLine;

/// <summary><c>--metrics-listen</c>: the live odooperf_load_* families, scraped from the real process while it runs.</summary>
public sealed class LiveMetricsTests
{
    [Fact]
    public async Task The_families_are_served_while_running_with_their_types_and_labels_and_pass_promtool()
    {
        var promtool = ExternalTool.Require(ExternalTool.Promtool);
        await using var server = await TargetServer.StartAsync();
        using var reports = new TempDirectory();
        var port = FreePort.Next();
        await using var load = LoadProcess.Start("http", "--url", server.Url, "--rate", "50", "--duration", "3s",
            "--metrics-listen", $"127.0.0.1:{port}", "--report-dir", reports.Path);

        var (text, scrape) = await ScrapeOnceRequestsFlowAsync(load, port);

        Assert.Equal("gauge", scrape.Types["odooperf_load_users"]);
        Assert.Equal("gauge", scrape.Types["odooperf_load_target_users"]);
        Assert.Equal("gauge", scrape.Types["odooperf_load_target_iterations_per_second"]);
        Assert.Equal("counter", scrape.Types["odooperf_load_requests_total"]);
        Assert.Equal("histogram", scrape.Types["odooperf_load_request_duration_seconds"]);
        Assert.Equal("counter", scrape.Types["odooperf_load_iterations_total"]);
        Assert.Equal("counter", scrape.Types["odooperf_load_dropped_iterations_total"]);
        Assert.Equal("gauge", scrape.Types["odooperf_load_run_info"]);

        Assert.Equal(50, scrape.Value("odooperf_load_target_iterations_per_second", ("scenario", "http")));
        Assert.Equal(0, scrape.Value("odooperf_load_target_users", ("scenario", "http")));
        Assert.True(scrape.Value("odooperf_load_requests_total", ("scenario", "http"), ("step", "get"), ("outcome", "ok")) > 0);
        Assert.Equal(0, scrape.Value("odooperf_load_requests_total", ("scenario", "http"), ("step", "get"), ("outcome", "failed")));
        Assert.True(scrape.Value("odooperf_load_request_duration_seconds_count", ("scenario", "http"), ("step", "get")) > 0);
        Assert.Contains(scrape.Family("odooperf_load_request_duration_seconds_bucket"), s => s.Label("le") == "3");
        Assert.True(scrape.Value("odooperf_load_iterations_total", ("scenario", "http")) > 0);
        Assert.Equal(0, scrape.Value("odooperf_load_dropped_iterations_total", ("scenario", "http")));
        Assert.Single(scrape.Family("odooperf_load_users"), s => s.Label("scenario") == "http");
        Assert.Equal(1, scrape.Value("odooperf_load_run_info", ("segment", "1/1")));
        Assert.All(scrape.Samples, s => Assert.StartsWith("odooperf_load_", s.Name, StringComparison.Ordinal));

        var lint = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], standardInput: text);
        Assert.True(lint.ExitCode == 0 && (lint.StandardOutput + lint.StandardError).Trim().Length == 0,
            "promtool check metrics found:\n" + lint.StandardOutput + lint.StandardError);

        var result = await load.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Output.AssertExit(result, 0);
    }

    private static async Task<(string Text, PrometheusText Scrape)> ScrapeOnceRequestsFlowAsync(LoadProcess load, int port)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                var text = await client.GetStringAsync(new Uri("metrics", UriKind.Relative));
                var scrape = PrometheusText.Parse(text);
                if (scrape.Family("odooperf_load_requests_total").Any(s => s.Label("outcome") == "ok" && s.Value > 0))
                {
                    return (text, scrape);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no requests in the live metrics within 30s.\n{load.StandardOutput}\n{load.StandardError}");
    }
}
