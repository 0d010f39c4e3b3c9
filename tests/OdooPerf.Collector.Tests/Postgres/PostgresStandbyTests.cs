using System.Diagnostics;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>A real streaming standby: a server in recovery is up and says it is a replica.</summary>
public sealed class PostgresStandbyTests : IAsyncLifetime
{
    private PostgresCluster _primary = null!;
    private PostgresCluster _standby = null!;

    public async Task InitializeAsync()
    {
        _primary = await PostgresCluster.StartAsync();
        _standby = await PostgresCluster.StartStandbyAsync(_primary);
    }

    public async Task DisposeAsync()
    {
        await _standby.DisposeAsync();
        await _primary.DisposeAsync();
    }

    [Fact]
    public async Task A_standby_is_up_as_a_replica_and_the_primary_sees_it_streaming()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ODOOPERF_SCRAPE__CACHETTL"] = "00:00:00",
            ["ODOOPERF_HOST__ENABLED"] = "false",
            ["ODOOPERF_ODOOPROCESSES__ENABLED"] = "false",
        };
        await using var onStandby = await CollectorProcess.StartAsync(["--pg", _standby.ConnectionString()], environment);
        await using var onPrimary = await CollectorProcess.StartAsync(["--pg", _primary.ConnectionString()], environment);
        await _primary.ExecuteAsync("CREATE TABLE replicated AS SELECT g FROM generate_series(1, 1000) g");

        var standby = await onStandby.ScrapeAsync();
        PrometheusText primary;
        var deadline = Stopwatch.StartNew();
        do
        {
            primary = await onPrimary.ScrapeAsync();
        }
        while (!primary.HasSamples("pg_stat_replication_pg_wal_lsn_diff") && deadline.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Equal(1, standby.Value("pg_up"));
        Assert.Equal(1, standby.Value("pg_replication_is_replica"));
        Assert.True(standby.HasSamples("pg_replication_lag_seconds"));
        Assert.Equal(0, primary.Value("pg_replication_is_replica"));
        Assert.Equal("streaming", Assert.Single(primary.Family("pg_stat_replication_pg_wal_lsn_diff")).Label("state"));
        Assert.DoesNotContain("failed:", onStandby.Output, StringComparison.Ordinal);
    }
}
