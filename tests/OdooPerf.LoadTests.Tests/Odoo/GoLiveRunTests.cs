using OdooPerf.LoadTests.Tests.Fixtures;
using OdooPerf.OdooSim;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Odoo;

/// <summary>
/// <c>odooperf-load run</c>, the go-live profile, as a process against the Odoo simulator on 127.0.0.1: users at peak,
/// sessions, request counts against the simulator's and the collector's, the verdict and its exit code, secrets.
/// </summary>
public sealed class GoLiveRunTests(SimulatorCluster fixture) : IClassFixture<SimulatorCluster>, IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Twenty_expected_users_run_as_thirty_sessions_and_every_request_is_counted_alike_by_the_simulator_the_report_and_the_collector()
    {
        var simulator = await fixture.StartAsync(WithData);
        var reports = _files.Join("reports");

        var result = await LoadCommand.RunAsync([.. Target(simulator), "--expected-users", "20", "--ramp-up", "3s", "--duration", "8s", "--ramp-down", "0",
            "--think-time", "200ms-600ms", "--allow-writes", "--report-dir", reports, "--plain"]);

        Output.AssertExit(result, 0);
        Assert.Equal("VERDICT: GO", result.StandardOutput.TrimEnd().Split('\n')[^1]);
        var report = ReportJson.Read(reports);
        Assert.Equal("GO", report.String("verdict"));
        Assert.Equal(30, report.Long("peakUsers"));
        Assert.Equal(0, report.Long("totals.failed"));

        // 30 users, each logged in once and kept its session; the preflight's own session was closed first.
        var stats = simulator.Stats.Snapshot();
        Assert.Equal(31, stats.SessionsAuthenticated);
        Assert.Equal(30, stats.PeakActiveSessions);
        Assert.Equal(stats.TotalRequests, report.Long("totals.requests"));
        Assert.Equal("res.partner.web_search_read (/web/dataset/call_kw/res.partner/web_search_read)", report.String("stepCalls.browse/list_contacts"));
        // A healthy server and iterations allowed to finish: no document left mid-flow, and the report says so.
        Assert.Equal(System.Text.Json.JsonValueKind.Object, report.Get("unfinished").ValueKind);
        Assert.Empty(report.Get("unfinished").EnumerateObject());

        // The collector tailing the simulator's log counts the same requests.
        await simulator.FlushLogAsync();
        await using var collector = await CollectorProcess.StartAsync(
            ["--odoo-log", fixture.LogFile(simulator), "--odoo-log-from-start"],
            new Dictionary<string, string?>
            {
                ["ODOOPERF_OdooLog__StateFile"] = _files.Join("positions.json"),
                ["ODOOPERF_OdooLog__PollInterval"] = "00:00:00.050",
                ["ODOOPERF_Postgres__Servers"] = null,
            });
        var counted = await CollectorCountAsync(collector, stats.TotalRequests);
        Assert.Equal(report.Long("totals.requests"), counted);

        AssertNoSecret(result, reports);
    }

    [Fact]
    public async Task A_server_lacking_fields_the_scenarios_need_is_refused_before_any_load_naming_all_of_them_with_exit_code_3()
    {
        var simulator = await fixture.StartAsync(o => WithData(o) with
        {
            RemovedFields = ["sale.order.client_order_ref", "crm.lead.partner_name", "account.move.line.date_maturity", "res.partner.mobile"],
        });
        var reports = _files.Join("reports");

        var result = await LoadCommand.RunAsync([.. Target(simulator), "--expected-users", "14", "--scenario", "mix", "--ramp-up", "0", "--duration", "5s",
            "--ramp-down", "0", "--think-time", "0", "--allow-writes", "--report-dir", reports, "--plain"]);

        Output.AssertExit(result, 3);
        var error = result.StandardError.Trim().Split('\n').Single(l => l.Contains("lacks", StringComparison.Ordinal));
        foreach (var missing in new[] { "field sale.order.client_order_ref (browse, quote-to-cash)", "field crm.lead.partner_name (crm)", "field account.move.line.date_maturity (accounting-reports)" })
        {
            Assert.True(error.Contains(missing, StringComparison.Ordinal), $"'{missing}' not in: {error}");
        }

        // An optional field (the contact's mobile, gone in 19) is left out of what is read, not a reason to refuse.
        Assert.False(error.Contains("mobile", StringComparison.Ordinal), error);
        // Nothing but the preflight reached the server: its login, apps, schema, and no business call.
        var calls = simulator.Stats.Snapshot().CallsByModelMethod;
        Assert.All(calls.Keys, call => Assert.True(call.StartsWith("ir.", StringComparison.Ordinal) || call.EndsWith(".fields_get", StringComparison.Ordinal), call));
    }

    [Fact]
    public async Task On_19_an_api_key_runs_over_json2_without_deprecation_warnings_and_a_forced_jsonrpc_is_warned_about()
    {
        const string key = "odooperf-test-api-key-0123456789";
        var simulator = await fixture.StartAsync(o => WithData(o) with { Version = "19.0", ApiKey = key });
        var keyFile = _files.Join("api-key");
        File.WriteAllText(keyFile, key + "\n");
        string[] common = ["run", "--target", simulator.BaseUrl, "--db", simulator.DatabaseName, "--login", SimulatorCluster.Login, "--api-key-file", keyFile,
            "--expected-users", "1", "--scenario", "browse", "--ramp-up", "0", "--duration", "2s", "--ramp-down", "0", "--think-time", "0", "--plain"];

        var auto = await LoadCommand.RunAsync([.. common, "--report-dir", _files.Join("auto")]);
        await simulator.FlushLogAsync();
        var afterAuto = File.ReadAllText(fixture.LogFile(simulator));
        var forced = await LoadCommand.RunAsync([.. common, "--protocol", "jsonrpc", "--report-dir", _files.Join("jsonrpc")]);
        await simulator.FlushLogAsync();
        var afterForced = File.ReadAllText(fixture.LogFile(simulator))[afterAuto.Length..];

        Output.AssertExit(auto, 0);
        Assert.DoesNotContain("deprecated", afterAuto, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("deprecates /jsonrpc", auto.StandardOutput + auto.StandardError, StringComparison.Ordinal);
        Output.AssertExit(forced, 0);
        Assert.Contains("WARNING", afterForced, StringComparison.Ordinal);
        Assert.Contains("The /xmlrpc, /xmlrpc/2 and /jsonrpc endpoints are deprecated in Odoo 19", afterForced, StringComparison.Ordinal);
        Assert.Contains("deprecates /jsonrpc and logs a warning for every call; use --protocol json2", forced.StandardOutput + forced.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_five_percent_error_rate_is_NO_GO_with_exit_code_1_naming_the_failed_threshold()
    {
        var simulator = await fixture.StartAsync(o => WithData(o) with { Faults = new FaultSettings { ErrorRate = 0.05 } });
        var reports = _files.Join("reports");

        var result = await LoadCommand.RunAsync([.. Target(simulator), "--expected-users", "4", "--scenario", "browse", "--ramp-up", "0", "--duration", "6s",
            "--ramp-down", "0", "--think-time", "0", "--report-dir", reports, "--plain"]);

        Output.AssertExit(result, 1);
        var last = result.StandardOutput.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("VERDICT: NO-GO (", last, StringComparison.Ordinal);
        Assert.Contains("fail_rate < 2%", last, StringComparison.Ordinal);
        var report = ReportJson.Read(reports);
        Assert.Equal("NO-GO", report.String("verdict"));
        Assert.InRange(report.Double("totals.failRate"), 0.02, 0.10);
        Assert.True(report.Long("totals.failuresByReason.UserError") > 0);
        Assert.Equal(simulator.Stats.Snapshot().TotalRequests, report.Long("totals.requests"));
    }

    [Fact]
    public async Task A_server_slower_than_three_seconds_fails_the_standard_p95_target()
    {
        var simulator = await fixture.StartAsync(o => WithData(o) with { Faults = new FaultSettings { FixedLatency = TimeSpan.FromMilliseconds(3200) } });
        var reports = _files.Join("reports");

        var result = await LoadCommand.RunAsync([.. Target(simulator), "--expected-users", "2", "--scenario", "browse", "--ramp-up", "0", "--duration", "5s",
            "--ramp-down", "0", "--think-time", "0", "--graceful-stop", "5s", "--report-dir", reports, "--plain"]);

        Output.AssertExit(result, 1);
        var report = ReportJson.Read(reports);
        Assert.Equal("NO-GO", report.String("verdict"));
        var p95 = report.Get("thresholds").EnumerateArray().Single(t => t.GetProperty("expression").GetString() == "browse: p95 < 3s");
        Assert.Equal("failed", p95.GetProperty("outcome").GetString());
        Assert.True(p95.GetProperty("actual").GetDouble() >= 3200, $"p95 {p95.GetProperty("actual").GetDouble()} ms");
        Assert.Contains("p95 < 3s on browse: 3.", result.StandardOutput.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_cannot_start_exit_3_one_line_and_no_report()
    {
        var simulator = await fixture.StartAsync();
        var reports = _files.Join("reports");

        var result = await LoadCommand.RunAsync([.. Target(simulator, password: "not-the-password"), "--expected-users", "1", "--scenario", "browse",
            "--duration", "2s", "--report-dir", reports, "--plain"]);

        Output.AssertOneLineError(result, 3, "cannot log in");
        Assert.Contains("AccessDenied", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Join(reports, "report.json")));
        Assert.DoesNotContain("not-the-password", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_scenarios_need_allow_writes_and_a_database_outside_the_protected_patterns()
    {
        var simulator = await fixture.StartAsync();

        var noWrites = await LoadCommand.RunAsync([.. Target(simulator), "--expected-users", "10", "--duration", "2s", "--ramp-up", "0", "--plain"]);
        Output.AssertOneLineError(noWrites, 2, "add --allow-writes");

        var protectedDb = await LoadCommand.RunAsync([.. Target(simulator), "--expected-users", "10", "--duration", "2s", "--ramp-up", "0", "--allow-writes",
            "--protect", "sim_*", "--plain"]);
        Output.AssertOneLineError(protectedDb, 2, "matches the protected pattern 'sim_*'");

        // Refused before anything was sent.
        Assert.Equal(0, simulator.Stats.Snapshot().TotalRequests);
    }

    [Theory]
    [InlineData(new[] { "run", "--password", "hunter22" }, "a password or API key is never a flag")]
    [InlineData(new[] { "run", "--password=hunter22" }, "a password or API key is never a flag")]
    [InlineData(new[] { "run", "--db", "x", "--login", "admin" }, "--target is required")]
    [InlineData(new[] { "run", "--target", "ftp://host", "--db", "x", "--login", "a" }, "invalid --target 'ftp://host'")]
    [InlineData(new[] { "run", "--target", "http://u:hunter22@127.0.0.1:1", "--db", "x", "--login", "a" }, "--target must not carry user:password@")]
    [InlineData(new[] { "run", "--target", "http://127.0.0.1:1", "--login", "a" }, "--db is required")]
    [InlineData(new[] { "run", "--target", "http://127.0.0.1:1", "--db", "x", "--login", "a", "--password-file", "/nonexistent/pw" }, "/nonexistent/pw")]
    public async Task Bad_usage_is_one_line_and_exit_code_2_and_never_echoes_a_password(string[] arguments, string expected)
    {
        var result = await LoadCommand.RunAsync(arguments);

        Output.AssertOneLineError(result, 2, expected);
        Assert.DoesNotContain("hunter22", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Option_values_are_checked_before_anything_is_sent()
    {
        var simulator = await fixture.StartAsync();
        foreach (var (option, value, expected) in new[]
                 {
                     ("--expected-users", "0", "invalid --expected-users '0'"),
                     ("--headroom", "-1", "invalid --headroom '-1'"),
                     ("--think-time", "5s-1s", "invalid --think-time '5s-1s'"),
                     ("--scenario", "payroll", "invalid --scenario 'payroll'"),
                     ("--max-fail-rate", "200%", "invalid --max-fail-rate '200%'"),
                     ("--mix", "/nonexistent/mix.json", "cannot read mix file '/nonexistent/mix.json'"),
                 })
        {
            string[] users = option == "--expected-users" ? [] : ["--expected-users", "2"];
            string[] arguments = [.. Target(simulator), .. users, "--duration", "2s", "--ramp-up", "0", "--allow-writes", "--plain", option, value];
            var result = await LoadCommand.RunAsync(arguments);
            Output.AssertOneLineError(result, 2, expected);
        }

        Assert.Equal(0, simulator.Stats.Snapshot().TotalRequests);
    }

    private static OdooSimulatorOptions WithData(OdooSimulatorOptions options) =>
        options with { Customers = 40, Vendors = 10, Products = 30, StockPerProduct = 100000 };

    private string[] Target(OdooSimulator simulator, string password = SimulatorCluster.Password)
    {
        var file = _files.Join($"password-{Guid.NewGuid():N}");
        File.WriteAllText(file, password + "\n");
        return ["run", "--target", simulator.BaseUrl, "--db", simulator.DatabaseName, "--login", SimulatorCluster.Login, "--password-file", file];
    }

    private static void AssertNoSecret(ProcessResult result, string reports)
    {
        Assert.DoesNotContain(SimulatorCluster.Password, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(reports))
        {
            Assert.DoesNotContain(SimulatorCluster.Password, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    /// <summary>Scrapes until the collector has read <paramref name="lines"/> request lines (20 s at most); its request count.</summary>
    private static async Task<double> CollectorCountAsync(CollectorProcess collector, long lines)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var counted = (await collector.ScrapeAsync()).Family("odoo_http_requests_total").Sum(s => s.Value);
            if (counted >= lines || DateTime.UtcNow > deadline)
            {
                return counted;
            }

            await Task.Delay(100);
        }
    }
}
