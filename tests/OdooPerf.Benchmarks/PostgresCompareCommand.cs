using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OdooPerf.Testing;

namespace OdooPerf.Benchmarks;

/// <summary>
/// <c>pg-compare [--tables 1000] [--scrapes 40]</c>: the PostgreSQL source against Debian's
/// postgres_exporter on the same throwaway cluster (N tables, pg_stat_statements filled by pgbench).
/// Both are scraped alternately over HTTP; prints both medians and their ratio, and the database time
/// each spends per scrape, measured by pg_stat_statements under a role of its own. Targets: our median
/// no slower than postgres_exporter's, and under 10 ms of database time per scrape.
/// </summary>
public static class PostgresCompareCommand
{
    private const string OdooperfRole = "odooperf_bench";
    private const string ExporterRole = "exporter_bench";
    private const string RolePassword = "bench-role-password";
    private const double DatabaseTimeTargetMs = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var tables = Option(args, "--tables", 1000);
        var scrapes = Option(args, "--scrapes", 40);
        var exporterBinary = ExternalTool.Find(new ToolSpec("prometheus-postgres-exporter", "prometheus-postgres-exporter", ["/usr/bin/prometheus-postgres-exporter"]));
        if (exporterBinary is null)
        {
            Console.Error.WriteLine("pg-compare: postgres_exporter is not installed: apt-get install -y prometheus-postgres-exporter");
            return 2;
        }

        await using var cluster = await PostgresCluster.StartAsync().ConfigureAwait(false);
        Console.WriteLine($"== pg-compare: PostgreSQL {cluster.MajorVersion} on 127.0.0.1:{cluster.Port}, {tables} tables, {scrapes} scrapes each");
        await PrepareAsync(cluster, tables).ConfigureAwait(false);

        var exporterPort = FreePort.Next();
        var exporterStart = new ProcessStartInfo(exporterBinary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        exporterStart.ArgumentList.Add($"--web.listen-address=127.0.0.1:{exporterPort}");
        exporterStart.Environment["DATA_SOURCE_NAME"] = $"postgresql://{ExporterRole}:{RolePassword}@127.0.0.1:{cluster.Port}/postgres?sslmode=disable";
        using var exporter = Process.Start(exporterStart)!;
        exporter.BeginErrorReadLine();
        exporter.BeginOutputReadLine();
        try
        {
            await using var collector = await CollectorProcess.StartAsync(
                ["--pg", cluster.ConnectionString(user: OdooperfRole, password: RolePassword)],
                new Dictionary<string, string?>
                {
                    ["ODOOPERF_SCRAPE__CACHETTL"] = "00:00:00",
                    ["ODOOPERF_HOST__ENABLED"] = "false",
                    ["ODOOPERF_ODOOPROCESSES__ENABLED"] = "false",
                }).ConfigureAwait(false);

            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
            var ours = new Uri(collector.BaseAddress, "/metrics");
            var theirs = new Uri($"http://127.0.0.1:{exporterPort}/metrics");
            for (var i = 0; i < 3; i++)
            {
                await TimeAsync(http, ours).ConfigureAwait(false);
                await WaitAndTimeAsync(http, theirs).ConfigureAwait(false);
            }

            await cluster.ExecuteAsync("SELECT pg_stat_statements_reset()").ConfigureAwait(false);
            var ourTimes = new List<double>();
            var theirTimes = new List<double>();
            for (var i = 0; i < scrapes; i++)
            {
                ourTimes.Add(await TimeAsync(http, ours).ConfigureAwait(false));
                theirTimes.Add(await TimeAsync(http, theirs).ConfigureAwait(false));
            }

            await PrintCostliestAsync(cluster, OdooperfRole, scrapes).ConfigureAwait(false);
            var ourDbMs = await DatabaseTimeMsAsync(cluster, OdooperfRole).ConfigureAwait(false) / scrapes;
            var ourQueries = await StatementCallsAsync(cluster, OdooperfRole).ConfigureAwait(false) / scrapes;
            var theirQueries = await StatementCallsAsync(cluster, ExporterRole).ConfigureAwait(false) / scrapes;
            var theirDbMs = await DatabaseTimeMsAsync(cluster, ExporterRole).ConfigureAwait(false) / scrapes;
            var ourMedian = Median(ourTimes);
            var theirMedian = Median(theirTimes);
            var ourSamples = (await collector.ScrapeTextAsync().ConfigureAwait(false)).Split('\n').Count(l => l.StartsWith("pg_", StringComparison.Ordinal));

            Console.WriteLine($"scrape median over HTTP   odooperf {Ms(ourMedian)}   postgres_exporter {Ms(theirMedian)}   ratio {ourMedian / theirMedian:0.00}x");
            Console.WriteLine($"database time per scrape  odooperf {Ms(ourDbMs)}   postgres_exporter {Ms(theirDbMs)}   (pg_stat_statements, per role)");
            Console.WriteLine($"queries per scrape        odooperf {ourQueries:0.0}   postgres_exporter {theirQueries:0.0}");
            Console.WriteLine($"pg_ samples per scrape    odooperf {ourSamples}");
            var faster = ourMedian <= theirMedian;
            var cheap = ourDbMs < DatabaseTimeTargetMs;
            Console.WriteLine($"target median <= postgres_exporter's: {(faster ? "PASS" : "FAIL")}");
            Console.WriteLine($"target database time < {DatabaseTimeTargetMs} ms: {(cheap ? "PASS" : "FAIL")}");
            return faster && cheap ? 0 : 1;
        }
        finally
        {
            exporter.Kill();
            await exporter.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    private static async Task PrepareAsync(PostgresCluster cluster, int tables)
    {
        await cluster.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").ConfigureAwait(false);
        foreach (var role in new[] { OdooperfRole, ExporterRole })
        {
            await cluster.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD '{RolePassword}'; GRANT pg_monitor TO {role};").ConfigureAwait(false);
        }

        await cluster.ExecuteAsync("CREATE DATABASE odoo").ConfigureAwait(false);
        await cluster.ExecuteAsync($"""
            DO $$
            BEGIN
              FOR i IN 1..{tables} LOOP
                EXECUTE format('CREATE TABLE t%s (id serial PRIMARY KEY, name text, amount numeric)', i);
                EXECUTE format('INSERT INTO t%s (name, amount) SELECT md5(g::text), g FROM generate_series(1, %s) g', i, 1 + i % 50);
              END LOOP;
            END $$;
            ANALYZE;
            """, "odoo").ConfigureAwait(false);
        var init = await cluster.RunToolAsync("pgbench", ["-i", "-s", "1", "-q", "postgres"]).ConfigureAwait(false);
        var run = await cluster.RunToolAsync("pgbench", ["-t", "300", "-c", "2", "postgres"]).ConfigureAwait(false);
        if (init.ExitCode != 0 || run.ExitCode != 0)
        {
            throw new InvalidOperationException($"pgbench failed: {init.StandardError}{run.StandardError}");
        }
    }

    private static async Task<double> StatementCallsAsync(PostgresCluster cluster, string role)
    {
        await using var connection = await cluster.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(s.calls), 0)::float8 FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = $1",
            connection);
        command.Parameters.AddWithValue(role);
        return Convert.ToDouble(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<double> DatabaseTimeMsAsync(PostgresCluster cluster, string role)
    {
        await using var connection = await cluster.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(s.total_exec_time), 0) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = $1",
            connection);
        command.Parameters.AddWithValue(role);
        return Convert.ToDouble(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    // Where our database time goes: the statements of the collector's role, costliest first.
    private static async Task PrintCostliestAsync(PostgresCluster cluster, string role, int scrapes)
    {
        await using var connection = await cluster.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            SELECT s.calls, s.total_exec_time, left(regexp_replace(s.query, '\s+', ' ', 'g'), 90)
            FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
            WHERE r.rolname = $1 ORDER BY s.total_exec_time DESC LIMIT 12
            """,
            connection);
        command.Parameters.AddWithValue(role);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        Console.WriteLine("odooperf statements, costliest first (calls per scrape, ms per scrape, query):");
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {reader.GetInt64(0) / (double)scrapes,5:0.0} {reader.GetDouble(1) / scrapes,7:0.000}  {reader.GetString(2)}"));
        }
    }

    private static async Task<double> TimeAsync(HttpClient http, Uri uri)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(uri).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    // postgres_exporter needs a moment to listen after it starts.
    private static async Task<double> WaitAndTimeAsync(HttpClient http, Uri uri)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await TimeAsync(http, uri).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
