using System.Diagnostics;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>
/// A server that goes away and comes back, and logins that fail: pg_up says so, the daemon keeps
/// serving, it reconnects by itself, and it never holds more backends than its pool.
/// </summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private const string WrongPassword = "not-the-password-4c1d";

    // A cluster of its own: these tests stop the server.
    private PostgresCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_restart_is_pg_up_0_then_1_without_leaking_backends()
    {
        await using var collector = await StartCollectorAsync(_cluster.ConnectionString());
        Assert.Equal(1, (await collector.ScrapeAsync()).Value("pg_up"));

        await _cluster.StopServerAsync();
        var down = await collector.ScrapeAsync();

        Assert.Equal(0, down.Value("pg_up"));
        Assert.Equal(0, down.Value("odooperf_source_up", ("source", "postgres")));
        Assert.False(down.HasSamples("pg_stat_database_xact_commit"));
        Assert.True(down.HasSamples("odooperf_build_info")); // the daemon itself keeps serving

        await _cluster.StartServerAsync();
        var up = await ScrapeUntilAsync(collector, s => s.Value("pg_up") == 1);

        Assert.True(up.HasSamples("pg_stat_database_xact_commit"));
        for (var i = 0; i < 10; i++)
        {
            await collector.ScrapeAsync();
        }

        var backends = await _cluster.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'odooperf'");
        Assert.InRange(backends, 1, 2);
        Assert.Contains("PostgreSQL at 127.0.0.1", collector.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_pg_up_0_and_the_password_appears_nowhere()
    {
        await using var collector = await StartCollectorAsync(_cluster.ConnectionString(password: WrongPassword));

        var text = await collector.ScrapeTextAsync();
        var scrape = PrometheusText.Parse(text);
        await collector.TerminateAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, scrape.Value("pg_up"));
        Assert.Contains("28P01", collector.Output, StringComparison.Ordinal); // invalid_password, said in the log
        Assert.DoesNotContain(WrongPassword, collector.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_file_is_read_and_never_shown()
    {
        var passwordFile = Path.Join(Path.GetTempPath(), $"odooperf-pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, PostgresCluster.SuperuserPassword + "\n");
        try
        {
            await using var collector = await StartCollectorAsync(
                _cluster.ConnectionString(password: null),
                new Dictionary<string, string?> { ["ODOOPERF_POSTGRES__SERVERS__0__PASSWORDFILE"] = passwordFile });

            var text = await collector.ScrapeTextAsync();

            Assert.Equal(1, PrometheusText.Parse(text).Value("pg_up"));
            Assert.DoesNotContain(PostgresCluster.SuperuserPassword, text, StringComparison.Ordinal);
            Assert.DoesNotContain(PostgresCluster.SuperuserPassword, collector.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    [Fact]
    public async Task Pgpassword_from_the_environment_is_used()
    {
        await using var collector = await StartCollectorAsync(
            _cluster.ConnectionString(password: null),
            new Dictionary<string, string?> { ["PGPASSWORD"] = PostgresCluster.SuperuserPassword });

        Assert.Equal(1, (await collector.ScrapeAsync()).Value("pg_up"));
    }

    [Fact]
    public async Task A_pgpass_file_named_by_pgpassfile_is_used()
    {
        var pgpass = Path.Join(Path.GetTempPath(), $"odooperf-pgpass-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(pgpass, $"127.0.0.1:{_cluster.Port}:*:postgres:{PostgresCluster.SuperuserPassword}\n");
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(pgpass, UnixFileMode.UserRead | UnixFileMode.UserWrite); // as libpq requires
        }
        try
        {
            await using var collector = await StartCollectorAsync(
                _cluster.ConnectionString(password: null),
                new Dictionary<string, string?> { ["PGPASSFILE"] = pgpass });

            Assert.Equal(1, (await collector.ScrapeAsync()).Value("pg_up"));
        }
        finally
        {
            File.Delete(pgpass);
        }
    }

    [Fact]
    public async Task A_role_with_only_pg_monitor_gets_the_core_families()
    {
        await _cluster.ExecuteAsync("CREATE ROLE monitor LOGIN PASSWORD 'monitor-pass'; GRANT pg_monitor TO monitor;");
        await using var collector = await StartCollectorAsync(_cluster.ConnectionString(user: "monitor", password: "monitor-pass"));

        var scrape = await collector.ScrapeAsync();

        Assert.Equal(1, scrape.Value("pg_up"));
        Assert.True(scrape.HasSamples("pg_stat_database_xact_commit"));
        Assert.True(scrape.HasSamples("pg_database_size_bytes"));
        Assert.DoesNotContain("failed:", collector.Output, StringComparison.Ordinal);
    }

    private static Task<CollectorProcess> StartCollectorAsync(string connectionString, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var env = new Dictionary<string, string?>
        {
            ["ODOOPERF_SCRAPE__CACHETTL"] = "00:00:00",
            ["ODOOPERF_HOST__ENABLED"] = "false",
            ["ODOOPERF_ODOOPROCESSES__ENABLED"] = "false",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            env[key] = value;
        }

        return CollectorProcess.StartAsync(["--pg", connectionString], env);
    }

    private static async Task<PrometheusText> ScrapeUntilAsync(CollectorProcess collector, Func<PrometheusText, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var scrape = await collector.ScrapeAsync();
            if (condition(scrape) || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                return scrape;
            }

            await Task.Delay(200);
        }
    }
}
