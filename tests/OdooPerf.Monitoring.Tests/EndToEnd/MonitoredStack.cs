using System.Diagnostics;
using System.Text.Json;
using OdooPerf.Monitoring.Tests.Alerts;
using OdooPerf.Monitoring.Tests.Dashboards;
using OdooPerf.OdooSim;
using OdooPerf.OdooSim.Cron;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Monitoring.Tests.EndToEnd;

/// <summary>
/// Everything the dashboards and alerts watch, for real, on this machine: a throwaway PostgreSQL with a streaming
/// standby, an idle replication slot and pg_stat_statements; the Odoo simulator on it writing Odoo's log (requests, a
/// cron thread with a failing job, logins, tracebacks of injected HTTP 500s); a process that looks like an Odoo server;
/// the collector watching all of it; <c>odooperf-load</c> running the go-live mix with live metrics; and a real
/// Prometheus scraping the collector (job <c>odooperf</c>) and the load generator every second with the repository's
/// rule files loaded. Once every rule has been evaluated, the fixture records the scrapes and Prometheus' answer to
/// every dashboard and rule query, then stops everything: the tests assert on that record.
/// </summary>
public sealed class MonitoredStack : IAsyncLifetime
{
    public const string OdooPassword = "monitored-stack-admin";

    // Low on purpose, so that the guard drops some series and odooperf_series_dropped_total is exported too.
    private const int MaxSeriesPerMetric = 60;

    // A stand-in for an Odoo server process: a master with one forked worker, each sleeping at most 300 s.
    private const string FakeOdooBin = """
        import os, time
        if os.fork() == 0:
            time.sleep(300)
            os._exit(0)
        time.sleep(300)
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("odooperf-monitored-").FullName;
    private PostgresCluster? _primary;
    private PostgresCluster? _standby;
    private OdooSimulator? _simulator;
    private Process? _odooProcess;
    private CollectorProcess? _collector;
    private Process? _load;
    private PrometheusServer? _prometheus;

    public string CollectorScrape { get; private set; } = string.Empty;

    public string LoadScrape { get; private set; } = string.Empty;

    /// <summary>Prometheus' answer to each query sent, by the query text as sent (variables substituted).</summary>
    public Dictionary<string, JsonElement> Answers { get; } = new(StringComparer.Ordinal);

    /// <summary>The rule groups after evaluation, from /api/v1/rules.</summary>
    public JsonElement RuleGroups { get; private set; }

    public async Task InitializeAsync()
    {
        var python = ExternalTool.Require(ExternalTool.Python3);
        _primary = await PostgresCluster.StartAsync();
        await _primary.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await _primary.ExecuteAsync("SELECT pg_create_physical_replication_slot('odooperf_idle_slot', true)");
        _standby = await PostgresCluster.StartStandbyAsync(_primary);
        // Autovacuum at the first dead or inserted row, checked every second, so a 30-second run sees it work.
        await _primary.ExecuteAsync("ALTER SYSTEM SET autovacuum_naptime = 1");
        await _primary.ExecuteAsync("ALTER SYSTEM SET autovacuum_vacuum_threshold = 1");
        await _primary.ExecuteAsync("ALTER SYSTEM SET autovacuum_vacuum_insert_threshold = 1");
        await _primary.ExecuteAsync("ALTER SYSTEM SET autovacuum_vacuum_scale_factor = 0");
        await _primary.ExecuteAsync("ALTER SYSTEM SET autovacuum_vacuum_insert_scale_factor = 0");
        await _primary.ExecuteAsync("SELECT pg_reload_conf()");
        await _primary.ExecuteAsync("CREATE DATABASE sim");

        var log = Path.Join(_directory, "odoo.log");
        _simulator = await OdooSimulator.StartAsync(new OdooSimulatorOptions
        {
            ConnectionString = _primary.ConnectionString(database: "sim"),
            Version = "17.0",
            LogFile = log,
            AdminPassword = OdooPassword,
            CronInterval = TimeSpan.FromSeconds(1),
            CronJobs = [.. SimulatedCronJob.Defaults, new SimulatedCronJob(7, "Mail: Fetchmail Service", Fails: true)],
        });

        var script = Path.Join(_directory, "odoo-bin");
        await File.WriteAllTextAsync(script, FakeOdooBin);
        _odooProcess = Process.Start(new ProcessStartInfo(python, [script, "--config", "/etc/odoo/odoo.conf"]) { UseShellExecute = false })!;

        _collector = await CollectorProcess.StartAsync(
            ["--pg", _primary.ConnectionString(), "--odoo-log", log, "--odoo-log-from-start", "--odoo-url", _simulator.BaseUrl],
            new Dictionary<string, string?>
            {
                ["ODOOPERF_Scrape__CacheTtl"] = "00:00:00",
                ["ODOOPERF_Scrape__MaxSeriesPerMetric"] = MaxSeriesPerMetric.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ODOOPERF_OdooLog__StateFile"] = Path.Join(_directory, "positions.json"),
                ["ODOOPERF_OdooLog__PollInterval"] = "00:00:00.100",
                ["ODOOPERF_Postgres__SizeInterval"] = "00:00:05",
            });

        var loadPort = FreePort.Next();
        var load = LoadCommand.StartInfo(["run", "--target", _simulator.BaseUrl, "--db", _simulator.DatabaseName, "--login", "admin",
            "--expected-users", "4", "--ramp-up", "2s", "--duration", "120s", "--ramp-down", "0", "--think-time", "100ms-300ms", "--allow-writes",
            "--metrics-listen", $"127.0.0.1:{loadPort}", "--report-dir", Path.Join(_directory, "reports"), "--plain"]);
        load.Environment["ODOO_PASSWORD"] = OdooPassword;
        _load = Process.Start(load)!;
        _load.OutputDataReceived += (_, _) => { };
        _load.ErrorDataReceived += (_, _) => { };
        _load.BeginOutputReadLine();
        _load.BeginErrorReadLine();

        _prometheus = await PrometheusServer.StartAsync(
            new Dictionary<string, string> { ["odooperf"] = $"127.0.0.1:{_collector.Port}", ["odooperf-load"] = $"127.0.0.1:{loadPort}" },
            Repository.RuleFiles);

        // What the Odoo dashboard's error and login panels show: failed requests (HTTP 500 with a traceback) once the
        // load has passed its preflight, and a wrong password.
        await WaitForAsync("the load generator scraped", "odooperf_load_requests_total");
        _simulator.Faults = _simulator.Faults with { ErrorRate = 0.05, ErrorKind = FaultErrorKind.HttpInternalServerError };
        await FailOneLoginAsync(_simulator);

        await WaitForAsync("HTTP 500s in the Odoo log", "odoo_http_requests_total{status_class=\"5xx\"}");
        await WaitForAsync("a failed cron job", "odoo_cron_runs_total{outcome=\"failed\"}");
        await WaitForAsync("the standby streaming", "pg_stat_replication_pg_wal_lsn_diff");
        await WaitForAsync("failed load requests", "odooperf_load_request_failures_total");
        await WaitForAsync("an autovacuum", "pg_stat_user_tables_last_autovacuum_age_seconds");
        await WaitForRulesEvaluatedAsync();

        await RecordAsync(loadPort);
    }

    public async Task DisposeAsync()
    {
        if (_load is { HasExited: false })
        {
            _load.Kill(entireProcessTree: true);
            await _load.WaitForExitAsync();
        }

        _load?.Dispose();
        if (_prometheus is not null)
        {
            await _prometheus.DisposeAsync();
        }

        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }

        if (_odooProcess is { HasExited: false })
        {
            _odooProcess.Kill(entireProcessTree: true);
            await _odooProcess.WaitForExitAsync();
        }

        _odooProcess?.Dispose();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        if (_standby is not null)
        {
            await _standby.DisposeAsync();
        }

        if (_primary is not null)
        {
            await _primary.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Every query of every dashboard (panels and variables) and every rule expression, as sent to Prometheus.</summary>
    public static IEnumerable<string> AllQueries() =>
        Dashboard.All.SelectMany(d => d.Queries.Select(q => d.Substitute(q.Expression)).Concat(d.VariableSelectors.Select(d.Substitute)))
            .Concat(RuleFile.All.SelectMany(f => f.Alerts.Select(a => a.Expression).Concat(f.Records.Select(r => r.Expression))))
            .Distinct(StringComparer.Ordinal);

    private async Task RecordAsync(int loadPort)
    {
        CollectorScrape = await _collector!.ScrapeTextAsync();
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            LoadScrape = await http.GetStringAsync(new Uri($"http://127.0.0.1:{loadPort}/metrics"));
        }

        foreach (var query in AllQueries().Append("ALERTS"))
        {
            Answers[query] = await _prometheus!.QueryAsync(query);
        }

        RuleGroups = await _prometheus!.RulesAsync();
    }

    private async Task WaitForAsync(string what, string selector)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var answer = await _prometheus!.QueryAsync(selector);
            if (answer.GetProperty("status").GetString() == "success" && answer.GetProperty("data").GetProperty("result").GetArrayLength() > 0)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"waited 60 s for {what} ({selector}) in Prometheus.\nPrometheus: {_prometheus.Output}\nCollector: {_collector!.Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Until every rule has been evaluated at least once (the SLO recording group runs every 30 s) on 20 s of data.</summary>
    private async Task WaitForRulesEvaluatedAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var rules = (await _prometheus!.RulesAsync()).EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToList();
            if (deadline.Elapsed > TimeSpan.FromSeconds(20) && rules.Count > 0 && rules.All(r => r.GetProperty("health").GetString() != "unknown"))
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(75))
            {
                throw new TimeoutException("rules not all evaluated within 75 s");
            }

            await Task.Delay(500);
        }
    }

    private static async Task FailOneLoginAsync(OdooSimulator simulator)
    {
        using var http = new HttpClient { BaseAddress = new Uri(simulator.BaseUrl) };
        using var content = new StringContent(
            $$"""{"jsonrpc":"2.0","method":"call","params":{"db":"{{simulator.DatabaseName}}","login":"admin","password":"wrong-password"},"id":1}""",
            System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/web/session/authenticate", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode);
    }
}
