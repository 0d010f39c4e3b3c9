using OdooPerf.Testing;
using System.Text.Json;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Tests.Fixtures;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Derive;

/// <summary>
/// <c>odooperf-load derive</c> on a hand-written Odoo 17 log whose every figure is worked out below: three client
/// addresses, eight user requests in the 09:00 minute, two excluded requests (an asset, the bus), one malformed line.
/// </summary>
public sealed class DeriveTests : IDisposable
{
    private static readonly string Fixture = Path.Join(AppContext.BaseDirectory, "Derive", "derive-fixture.log");
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_fixture_log_gives_the_expected_mix()
    {
        var output = _files.Join("mix.json");

        var result = await LoadCommand.RunAsync("derive", "--from-log", Fixture, "--output", output);

        Output.AssertExit(result, 0);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var root = json.RootElement;
        // Seven requests attributed: browse res.partner; quote-to-cash sale.order.web_save and the button 10.0.0.1 pressed
        // after it; procure-to-pay purchase.order; inventory stock.picking; accounting-reports the grouped journal
        // items; crm crm.lead. 10.0.0.3's button came before any model call of its own: unattributed.
        var weights = root.GetProperty("scenarios");
        Assert.Equal(28.57, weights.GetProperty("quote-to-cash").GetDouble());
        foreach (var scenario in new[] { "browse", "procure-to-pay", "inventory", "accounting-reports", "crm" })
        {
            Assert.Equal(14.29, weights.GetProperty(scenario).GetDouble());
        }

        // Pauses (start of a request − end of the previous, same address): 2.6 and 2 s (10.0.0.1), 10 s (10.0.0.2),
        // 2 and 30.9 s (10.0.0.3): median 2.6 → 3 s, 90th percentile 30.9 → 31 s.
        Assert.Equal("3s-31s", root.GetProperty("thinkTime").GetString());

        var derived = root.GetProperty("derivedFrom");
        Assert.Equal("derive-fixture.log", derived.GetProperty("log").GetString());
        Assert.Equal(12, derived.GetProperty("linesRead").GetInt64());
        Assert.Equal(1, derived.GetProperty("malformedLines").GetInt64());
        Assert.Equal(8, derived.GetProperty("requests").GetInt64());
        Assert.Equal(2, derived.GetProperty("excludedRequests").GetInt64());
        Assert.Equal(1, derived.GetProperty("buttons").GetProperty("attributed").GetInt64());
        Assert.Equal(1, derived.GetProperty("buttons").GetProperty("unattributed").GetInt64());
        Assert.Equal(3, derived.GetProperty("clientAddresses").GetInt64());
        // 4.4 s of requests in one minute: 0.073 in flight on average; 3 addresses, 8 requests.
        Assert.Equal(0.073, derived.GetProperty("peakAverageRequestsInFlight").GetDouble());
        Assert.Equal(3, derived.GetProperty("peakActiveAddressesPerMinute").GetInt64());
        Assert.Equal(8, derived.GetProperty("peakRequestsPerMinute").GetInt64());
        Assert.Equal(3, derived.GetProperty("suggestedExpectedUsers").GetInt64());

        var calls = derived.GetProperty("calls").EnumerateArray().ToArray();
        Assert.Equal(7, calls.Length);
        var buttons = calls[0];
        Assert.Equal("/web/dataset/call_button", buttons.GetProperty("call").GetString());
        Assert.Equal(2, buttons.GetProperty("requests").GetInt64());
        Assert.Equal(0.25, buttons.GetProperty("share").GetDouble());
        Assert.Equal(650, buttons.GetProperty("meanMs").GetDouble());
        Assert.Equal(1000, buttons.GetProperty("p95Ms").GetDouble());
        var grouped = calls.Single(c => c.GetProperty("call").GetString() == "account.move.line.web_read_group");
        Assert.Equal("accounting-reports", grouped.GetProperty("scenario").GetString());
        Assert.Equal(2000, grouped.GetProperty("meanMs").GetDouble());

        Assert.Contains("suggested --expected-users 3", result.StandardOutput, StringComparison.Ordinal);

        // And run takes it as it is.
        var mix = MixFile.Read(output);
        Assert.Equal(6, mix.Entries.Count);
        Assert.Equal(new ThinkTime(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(31)), mix.ThinkTime);
    }

    [Fact]
    public async Task Behind_a_proxy_think_time_is_left_out_and_users_come_from_the_request_rate()
    {
        // One address (a reverse proxy). Durations (SQL + remaining): 0.2 s, 30 s, 60 s, 0.8 s in the 09:00 minute,
        // 9 s in 09:01. The button started after the sale order list (ordered by start: 09:00:00.8 < 09:00:29.2), so
        // it counts for sale.order.
        var log = _files.Join("proxy.log");
        await File.WriteAllLinesAsync(log,
        [
            Werkzeug("09:00:01", "10.0.0.9", "/web/dataset/call_kw/sale.order/web_search_read", "0.100 0.100"),
            Werkzeug("09:00:03", "10.0.0.9", "/report/pdf/sale.report_saleorder/12", "20.000 10.000"),
            Werkzeug("09:00:05", "10.0.0.9", "/report/pdf/sale.report_saleorder/12,13?context=%7B%7D", "40.000 20.000"),
            Werkzeug("09:00:30", "10.0.0.9", "/web/dataset/call_button", "0.300 0.500"),
            Werkzeug("09:01:10", "10.0.0.9", "/xmlrpc/2/object", "5.000 4.000"),
        ]);
        var output = _files.Join("mix.json");

        var result = await LoadCommand.RunAsync("derive", "--from-log", log, "--output", output);

        Output.AssertExit(result, 0);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var root = json.RootElement;
        // quote-to-cash: the list and the button, 2 of 5; the reports and the XML-RPC call have no model: browse.
        Assert.Equal(40, root.GetProperty("scenarios").GetProperty("quote-to-cash").GetDouble());
        Assert.Equal(60, root.GetProperty("scenarios").GetProperty("browse").GetDouble());
        Assert.False(root.TryGetProperty("thinkTime", out _));

        var derived = root.GetProperty("derivedFrom");
        Assert.StartsWith("not measurable: 1 client address", derived.GetProperty("thinkTimeMethod").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, derived.GetProperty("peakActiveAddressesPerMinute").GetInt64());
        Assert.Equal(4, derived.GetProperty("peakRequestsPerMinute").GetInt64());
        // 91 s of requests in 09:00: 91 / 60 = 1.517 in flight on average.
        Assert.Equal(1.517, derived.GetProperty("peakAverageRequestsInFlight").GetDouble());
        // 4 requests a minute × (mean 100 s / 5 = 20 s + 3 s) = 1.53 → 2.
        Assert.Equal(2, derived.GetProperty("suggestedExpectedUsers").GetInt64());
        Assert.StartsWith("requests per second of the busiest minute", derived.GetProperty("suggestedExpectedUsersMethod").GetString(), StringComparison.Ordinal);

        // Record ids do not split an endpoint; the query string is dropped; the XML-RPC version stays.
        var calls = derived.GetProperty("calls").EnumerateArray().ToDictionary(c => c.GetProperty("call").GetString()!);
        Assert.Equal(["/report/pdf/sale.report_saleorder/:id", "/web/dataset/call_button", "/xmlrpc/2/object", "sale.order.web_search_read"],
            calls.Keys.Order(StringComparer.Ordinal));
        var reports = calls["/report/pdf/sale.report_saleorder/:id"];
        Assert.Equal(2, reports.GetProperty("requests").GetInt64());
        Assert.Equal(45000, reports.GetProperty("meanMs").GetDouble());
        Assert.Equal(60000, reports.GetProperty("p95Ms").GetDouble());
        Assert.Contains("suggested --expected-users 2", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Top_limits_the_calls_listed()
    {
        var output = _files.Join("mix.json");

        Output.AssertExit(await LoadCommand.RunAsync("derive", "--from-log", Fixture, "--output", output, "--top", "2"), 0);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        Assert.Equal(2, json.RootElement.GetProperty("derivedFrom").GetProperty("calls").GetArrayLength());
    }

    [Fact]
    public async Task A_gzip_log_reads_the_same()
    {
        var compressed = _files.Join("odoo.log.1.gz");
        await using (var file = File.Create(compressed))
        await using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(await File.ReadAllBytesAsync(Fixture));
        }

        var plain = _files.Join("plain.json");
        var fromGzip = _files.Join("gzip.json");
        Output.AssertExit(await LoadCommand.RunAsync("derive", "--from-log", Fixture, "--output", plain), 0);
        Output.AssertExit(await LoadCommand.RunAsync("derive", "--from-log", compressed, "--output", fromGzip), 0);

        Assert.Equal((await File.ReadAllTextAsync(plain)).Replace("derive-fixture.log", "X", StringComparison.Ordinal),
            (await File.ReadAllTextAsync(fromGzip)).Replace("odoo.log.1.gz", "X", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_existing_output_is_not_overwritten_without_force()
    {
        var output = _files.Join("mix.json");
        await File.WriteAllTextAsync(output, "keep me");

        var refused = await LoadCommand.RunAsync("derive", "--from-log", Fixture, "--output", output);

        Output.AssertOneLineError(refused, 2, "exists: give another --output, or --force");
        Assert.Equal("keep me", await File.ReadAllTextAsync(output));
        Output.AssertExit(await LoadCommand.RunAsync("derive", "--from-log", Fixture, "--output", output, "--force"), 0);
        Assert.StartsWith("{", await File.ReadAllTextAsync(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_one_line_and_exit_code_2()
    {
        var empty = _files.Join("empty.log");
        await File.WriteAllTextAsync(empty, "2025-01-10 09:00:00,500 4242 INFO prod odoo.modules.loading: loading 1 modules...\n");

        Output.AssertOneLineError(await LoadCommand.RunAsync("derive"), 2, "--from-log FILE is required");
        Output.AssertOneLineError(await LoadCommand.RunAsync("derive", "--from-log", "/nonexistent/odoo.log", "--output", _files.Join("a.json")), 2,
            "cannot read --from-log '/nonexistent/odoo.log'");
        Output.AssertOneLineError(await LoadCommand.RunAsync("derive", "--from-log", empty, "--output", _files.Join("b.json")), 2, "has no request lines");
        Output.AssertOneLineError(await LoadCommand.RunAsync("derive", "--from-log", _files.Path, "--output", _files.Join("d.json")), 2, "is a directory");
        Output.AssertOneLineError(await LoadCommand.RunAsync("derive", "--from-log", Fixture, "--top", "0", "--output", _files.Join("c.json")), 2, "invalid --top '0'");
        Assert.False(File.Exists(_files.Join("b.json")));
    }

    private static string Werkzeug(string time, string address, string path, string sqlAndRemainingSeconds) =>
        $"2025-01-10 {time},000 4242 INFO prod werkzeug: {address} - - [10/Jan/2025 {time}] \"POST {path} HTTP/1.1\" 200 - 3 {sqlAndRemainingSeconds}";
}
