using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooProbe;

/// <summary>The real <c>odooperf collect --odoo-url</c>, against a fake Odoo on loopback.</summary>
public sealed class OdooProbeCommandLineTests
{
    [Fact]
    public async Task Collect_with_odoo_url_publishes_the_probe_on_metrics()
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo17(), "/odoo");
        await using var collector = await CollectorProcess.StartAsync(["--odoo-url", odoo.Url]);

        var scraped = await collector.ScrapeAsync();

        Assert.Equal(1, scraped.Value("odoo_up"));
        Assert.Equal(1, scraped.Value("odoo_version_info", ("version", "17.0")));
        Assert.True(scraped.HasSamples("odoo_probe_duration_seconds"));
        Assert.Equal(1, scraped.Value("odooperf_source_up", ("source", "odoo_probe")));
        Assert.Contains(odoo.Requests, r => r.Path == "/odoo/web/health" && r.UserAgent?.StartsWith("odooperf/", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Collect_with_an_unreachable_odoo_still_serves_metrics_with_odoo_up_0()
    {
        var port = FreePort.Next();
        await using var collector = await CollectorProcess.StartAsync(["--odoo-url", $"http://127.0.0.1:{port}"]);

        var scraped = await collector.ScrapeAsync();

        Assert.Equal(0, scraped.Value("odoo_up"));
        Assert.Equal(1, scraped.Value("odooperf_source_up", ("source", "odoo_probe")));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:8069", "expected an absolute http:// or https:// URL")]
    [InlineData("127.0.0.1:8069", "expected an absolute http:// or https:// URL")]
    [InlineData("http://odoo.example.com/?db=prod", "without a query string or fragment")]
    public async Task A_bad_odoo_url_is_one_line_on_stderr_and_exit_code_2(string url, string expected)
    {
        var result = await CollectorCommand.RunAsync(["collect", "--odoo-url", url]);

        AssertOneLineError(result, "invalid --odoo-url");
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_odoo_url_with_a_password_does_not_print_it()
    {
        var result = await CollectorCommand.RunAsync(["collect", "--odoo-url", "http://monitor:s3cret@odoo.example.com/?db=prod"]);

        AssertOneLineError(result, "invalid --odoo-url");
        Assert.DoesNotContain("s3cret", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_odoo_url_flag()
    {
        var result = await CollectorCommand.RunAsync(["collect", "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--odoo-url", result.StandardOutput, StringComparison.Ordinal);
    }

    private static void AssertOneLineError(ProcessResult result, string expected)
    {
        var stderr = result.StandardError.TrimEnd('\n');
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain('\n', stderr);
        Assert.StartsWith("odooperf: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }
}
