using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OdooPerf.Collector.OdooProbe;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooProbe;

public sealed class OdooProbeSourceTests
{
    [Fact]
    public async Task Odoo_16_and_later_is_up_through_web_health_and_reports_its_version()
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo16());
        using var probe = new ProbeHarness(odoo.Url);

        var scraped = await probe.RefreshAsync();

        Assert.Equal(1, scraped.Value("odoo_up"));
        Assert.Equal(1, scraped.Value("odoo_version_info", ("version", "16.0")));
        Assert.Single(scraped.Family("odoo_version_info"));
        Assert.InRange(scraped.Value("odoo_probe_duration_seconds"), 0, 4);
        Assert.Equal("gauge", scraped.Types["odoo_up"]);
        Assert.Equal("gauge", scraped.Types["odoo_probe_duration_seconds"]);
        Assert.Equal("gauge", scraped.Types["odoo_version_info"]);
        Assert.Equal(OdooProbeEndpoint.Health, probe.Source.Endpoint);
        Assert.Equal(["GET /web/health", "POST /web/webclient/version_info"], odoo.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("""{"jsonrpc":"2.0","method":"call","params":{},"id":1}""", odoo.Requests[1].Body);
    }

    [Fact]
    public async Task Later_probes_only_ask_web_health_until_the_version_is_due()
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo17());
        using var probe = new ProbeHarness(odoo.Url);
        await probe.RefreshAsync();
        odoo.ClearRequests();

        await probe.RefreshAsync();
        var scraped = await probe.RefreshAsync();

        Assert.Equal(["GET /web/health", "GET /web/health"], odoo.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(1, scraped.Value("odoo_version_info", ("version", "17.0")));
    }

    [Fact]
    public async Task Odoo_14_without_web_health_falls_back_to_version_info_and_remembers_it()
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo14());
        using var probe = new ProbeHarness(odoo.Url);

        var first = await probe.RefreshAsync();
        var firstRequests = odoo.Requests.Select(r => $"{r.Method} {r.Path}").ToArray();
        odoo.ClearRequests();
        var second = await probe.RefreshAsync();

        Assert.Equal(1, first.Value("odoo_up"));
        Assert.Equal(1, first.Value("odoo_version_info", ("version", "14.0")));
        Assert.Equal(["GET /web/health", "POST /web/webclient/version_info"], firstRequests);
        Assert.Equal(["POST /web/webclient/version_info"], odoo.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(1, second.Value("odoo_up"));
        Assert.Equal(OdooProbeEndpoint.VersionInfo, probe.Source.Endpoint);
        Assert.Single(probe.Logger.AllText.Split('\n'), l => l.Contains("has no /web/health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_database_odoo_cannot_reach_is_down_with_one_log_line()
    {
        await using var odoo = await FakeOdooServer.StartAsync(new FakeOdoo { DatabaseDown = true });
        using var probe = new ProbeHarness(odoo.Url, o => o.DatabaseStatus = true);

        PrometheusText scraped = null!;
        for (var i = 0; i < 3; i++)
        {
            scraped = await probe.RefreshAsync();
        }

        Assert.Equal(0, scraped.Value("odoo_up"));
        Assert.All(odoo.Requests, r => Assert.Equal("?db_server_status=1", r.Query));
        var warning = Assert.Single(probe.Logger.At(LogLevel.Warning));
        Assert.Contains("cannot reach its PostgreSQL server", warning, StringComparison.Ordinal);
        Assert.Contains(odoo.Url, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_check_that_passes_is_up()
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo17());
        using var probe = new ProbeHarness(odoo.Url, o => o.DatabaseStatus = true);

        var scraped = await probe.RefreshAsync();

        Assert.Equal(1, scraped.Value("odoo_up"));
        Assert.Equal("?db_server_status=1", odoo.Requests[0].Query);
    }

    [Fact]
    public async Task A_hung_odoo_is_down_within_the_probe_timeout()
    {
        await using var odoo = await FakeOdooServer.StartAsync(new FakeOdoo { Hang = true });
        using var probe = new ProbeHarness(odoo.Url, o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        var scraped = await probe.RefreshAsync();
        stopwatch.Stop();

        Assert.Equal(0, scraped.Value("odoo_up"));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
        Assert.Contains("no answer within 0.3 s", Assert.Single(probe.Logger.At(LogLevel.Warning)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_down_without_an_exception()
    {
        var port = FreePort.Next();
        using var probe = new ProbeHarness($"http://127.0.0.1:{port}");

        var scraped = await probe.RefreshAsync();

        Assert.Equal(0, scraped.Value("odoo_up"));
        Assert.False(scraped.HasSamples("odoo_version_info"));
        Assert.Contains("refused", Assert.Single(probe.Logger.At(LogLevel.Warning)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/odoo-prod", "")]
    [InlineData("/odoo-prod", "/")]
    [InlineData("/erp/odoo", "/")]
    public async Task A_base_url_with_a_sub_path_is_respected(string basePath, string trailing)
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo17(), basePath);
        using var probe = new ProbeHarness(odoo.Url + trailing);

        var scraped = await probe.RefreshAsync();

        Assert.Equal(1, scraped.Value("odoo_up"));
        Assert.Equal([$"{basePath}/web/health", $"{basePath}/web/webclient/version_info"], odoo.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Odoo_14_under_a_sub_path_falls_back_under_it_too()
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo14(), "/legacy");
        using var probe = new ProbeHarness(odoo.Url);

        var scraped = await probe.RefreshAsync();

        Assert.Equal(1, scraped.Value("odoo_version_info", ("version", "14.0")));
        Assert.Equal(["/legacy/web/health", "/legacy/web/webclient/version_info"], odoo.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Requests_name_odooperf_and_never_send_odoos_session_cookie_back()
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo14());
        using var probe = new ProbeHarness(odoo.Url);

        await probe.RefreshAsync();
        await probe.RefreshAsync();

        Assert.Equal(3, odoo.Requests.Count);
        Assert.All(odoo.Requests, r => Assert.Equal("odooperf/0.1.0-test", r.UserAgent));
        Assert.All(odoo.Requests, r => Assert.Null(r.Cookie));
        Assert.StartsWith("application/json", odoo.Requests[1].ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_info_in_the_url_is_sent_as_basic_auth_and_never_logged_nor_published()
    {
        await using var odoo = await FakeOdooServer.StartAsync(new FakeOdoo { BadGateway = true });
        var url = odoo.Url.Replace("http://", "http://monitor:s3cr%3At@", StringComparison.Ordinal);
        using var probe = new ProbeHarness(url);

        await probe.RefreshAsync();
        var text = await probe.ScrapeTextAsync();

        var expected = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("monitor:s3cr:t"))).ToString();
        Assert.Equal(expected, odoo.Requests[0].Authorization);
        var warning = Assert.Single(probe.Logger.At(LogLevel.Warning));
        Assert.Contains("http://***@127.0.0.1", warning, StringComparison.Ordinal);
        foreach (var secret in new[] { "s3cr", "monitor" })
        {
            Assert.DoesNotContain(secret, probe.Logger.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Going_down_and_up_again_logs_one_line_each_way()
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo17());
        using var probe = new ProbeHarness(odoo.Url);

        var values = new List<double>();
        foreach (var down in new[] { false, false, true, true, true, false, false })
        {
            odoo.Odoo.BadGateway = down;
            values.Add((await probe.RefreshAsync()).Value("odoo_up"));
        }

        Assert.Equal([1, 1, 0, 0, 0, 1, 1], values);
        var lines = probe.Logger.Lines;
        Assert.Equal(3, lines.Count);
        Assert.Equal((LogLevel.Information, $"Odoo at {odoo.Url}/ is up, version 17.0"), lines[0]);
        Assert.Equal((LogLevel.Warning, $"Odoo at {odoo.Url}/ is down: /web/health answered 502 without Odoo's health JSON"), lines[1]);
        Assert.Equal((LogLevel.Information, $"Odoo at {odoo.Url}/ is up again, version 17.0"), lines[2]);
    }

    [Fact]
    public async Task The_last_version_stays_published_while_odoo_is_down()
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo17());
        using var probe = new ProbeHarness(odoo.Url);
        await probe.RefreshAsync();

        odoo.Odoo.BadGateway = true;
        var scraped = await probe.RefreshAsync();

        Assert.Equal(0, scraped.Value("odoo_up"));
        Assert.Equal(1, scraped.Value("odoo_version_info", ("version", "17.0")));
    }

    [Fact]
    public async Task The_version_is_read_again_once_due_and_only_one_series_remains()
    {
        var clock = new ManualClock();
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo16());
        using var probe = new ProbeHarness(odoo.Url, time: clock);
        await probe.RefreshAsync();

        odoo.Odoo.Version = "17.0+e";
        clock.Advance(TimeSpan.FromMinutes(9));
        var beforeDue = await probe.RefreshAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        var due = await probe.RefreshAsync();

        Assert.Equal(1, beforeDue.Value("odoo_version_info", ("version", "16.0")));
        Assert.Equal(1, Assert.Single(due.Family("odoo_version_info"), s => s.Label("version") == "17.0+e").Value);
        Assert.Single(due.Family("odoo_version_info"));
        Assert.Contains(probe.Logger.At(LogLevel.Information), l => l.EndsWith("now runs version 17.0+e (was 16.0)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_version_is_read_again_when_odoo_comes_back_up()
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo16());
        using var probe = new ProbeHarness(odoo.Url);
        await probe.RefreshAsync();

        odoo.Odoo.BadGateway = true;
        await probe.RefreshAsync();
        odoo.Odoo.Version = "17.0";
        odoo.Odoo.BadGateway = false;
        var back = await probe.RefreshAsync();

        Assert.Equal(1, back.Value("odoo_up"));
        Assert.Equal("17.0", Assert.Single(back.Family("odoo_version_info")).Label("version"));
    }

    [Fact]
    public async Task An_odoo_upgraded_to_have_web_health_is_probed_through_it_after_the_interval()
    {
        var clock = new ManualClock();
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo14());
        using var probe = new ProbeHarness(odoo.Url, time: clock);
        await probe.RefreshAsync();
        await probe.RefreshAsync();

        odoo.Odoo.HasHealth = true;
        odoo.Odoo.Version = "16.0";
        clock.Advance(TimeSpan.FromMinutes(10));
        await probe.RefreshAsync(); // due: reads the version through version_info and looks for /web/health next time
        odoo.ClearRequests();
        var scraped = await probe.RefreshAsync();

        Assert.Equal(OdooProbeEndpoint.Health, probe.Source.Endpoint);
        Assert.Equal(["GET /web/health"], odoo.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("16.0", Assert.Single(scraped.Family("odoo_version_info")).Label("version"));
        Assert.Contains(probe.Logger.At(LogLevel.Information), l => l.EndsWith("answers /web/health now: probing it", StringComparison.Ordinal));
    }

    public static TheoryData<string, Func<HttpContext, Task>, string> NotOdoo() => new()
    {
        { "a web page at /web/health", c => Write(c, 200, "text/html", "<html><body>Welcome</body></html>"), "/web/health answered 200 without Odoo's health JSON" },
        { "JSON without a status", c => Write(c, 200, "application/json", """{"ok": true}"""), "/web/health answered 200 without Odoo's health JSON" },
        { "status other than pass", c => Write(c, 200, "application/json", """{"status": "warn"}"""), "/web/health answered 200 with status 'warn'" },
        { "a redirect", c => Redirect(c), "/web/health answered 302 (a redirect): give the URL it redirects to" },
        { "an answer larger than Odoo's", c => Write(c, 200, "application/json", $$"""{"status": "pass", "pad": "{{new string('x', 100_000)}}"}"""), "maximum buffer size: 65536." },
        { "no health, version_info HTML", c => c.Request.Path.Value!.EndsWith("health", StringComparison.Ordinal) ? Write(c, 404, "text/html", "nope") : Write(c, 200, "text/html", "<html/>"), "/web/webclient/version_info answered something that is not JSON" },
        { "no health, version_info JSON-RPC error", c => c.Request.Path.Value!.EndsWith("health", StringComparison.Ordinal) ? Write(c, 404, "text/html", "nope") : Write(c, 200, "application/json", """{"jsonrpc": "2.0", "id": 1, "error": {"code": 200, "message": "Odoo Server Error", "data": {"name": "builtins.KeyError", "message": "'db'\nsecond line"}}}"""), "/web/webclient/version_info answered a JSON-RPC error: 'db' second line" },
        { "no health, version_info without result", c => c.Request.Path.Value!.EndsWith("health", StringComparison.Ordinal) ? Write(c, 404, "text/html", "nope") : Write(c, 200, "application/json", """{"jsonrpc": "2.0", "id": 1, "result": null}"""), "/web/webclient/version_info answered JSON without result.server_version" },
        { "nothing at all", c => Write(c, 404, "text/html", "nope"), "neither /web/health nor /web/webclient/version_info exists there (404): is the URL Odoo's?" },
    };

    [Theory]
    [MemberData(nameof(NotOdoo))]
    public async Task Answers_that_are_not_odoos_health_are_down_with_a_reason(string what, Func<HttpContext, Task> answer, string reason)
    {
        await using var odoo = await FakeOdooServer.StartAsync(new FakeOdoo { Answer = answer });
        using var probe = new ProbeHarness(odoo.Url);

        var scraped = await probe.RefreshAsync();

        Assert.True(scraped.Value("odoo_up") == 0, what);
        var warning = Assert.Single(probe.Logger.At(LogLevel.Warning));
        Assert.EndsWith(reason, warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning);
    }

    [Theory]
    [InlineData("17.0\n<script>")]
    [InlineData("17.0 beta")]
    [InlineData("")]
    public async Task A_server_version_that_is_not_a_version_string_is_not_published(string version)
    {
        await using var odoo = await FakeOdooServer.StartAsync(new FakeOdoo { Version = version });
        using var probe = new ProbeHarness(odoo.Url);

        var scraped = await probe.RefreshAsync();

        Assert.Equal(1, scraped.Value("odoo_up"));
        Assert.False(scraped.HasSamples("odoo_version_info"));
    }

    [Fact]
    public async Task A_server_version_longer_than_64_characters_is_not_published()
    {
        await using var odoo = await FakeOdooServer.StartAsync(new FakeOdoo { Version = new string('1', 65) });
        using var probe = new ProbeHarness(odoo.Url);

        var scraped = await probe.RefreshAsync();

        Assert.Equal(1, scraped.Value("odoo_up"));
        Assert.False(scraped.HasSamples("odoo_version_info"));
    }

    [Fact]
    public async Task Clear_removes_every_series()
    {
        await using var odoo = await FakeOdooServer.StartAsync(FakeOdoo.Odoo17());
        using var probe = new ProbeHarness(odoo.Url);
        await probe.RefreshAsync();

        probe.Source.Clear();
        var scraped = await probe.ScrapeAsync();

        Assert.False(scraped.HasSamples("odoo_up"));
        Assert.False(scraped.HasSamples("odoo_probe_duration_seconds"));
        Assert.False(scraped.HasSamples("odoo_version_info"));
    }

    private static Task Write(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    private static Task Redirect(HttpContext context)
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.Location = "https://erp.example.com/web/health";
        return Task.CompletedTask;
    }
}
