using System.Diagnostics;
using OdooPerf.Collector.Postgres;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>
/// pg_replication_*, pg_stat_replication_*, pg_replication_slot(s)_* and pg_stat_archiver_* (the WAL
/// leaving the server) against a real primary, with a slot and with pg_receivewal as a WAL sender's client.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplicationCollectorTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task A_primary_is_not_a_replica_and_has_no_lag()
    {
        await using var collector = await fixture.StartCollectorAsync();

        var scrape = await collector.ScrapeAsync();

        Assert.Equal(0, scrape.Value("pg_replication_is_replica"));
        Assert.Equal(0, scrape.Value("pg_replication_lag_seconds"));
        Assert.Equal(0, scrape.Value("pg_replication_last_replay_seconds"));
        Assert.Equal("gauge", scrape.Types["pg_replication_is_replica"]);
        Assert.Equal("gauge", scrape.Types["pg_replication_lag_seconds"]);
        Assert.False(scrape.HasSamples("pg_stat_replication_pg_current_wal_lsn_bytes"));
    }

    [Fact]
    public async Task An_unused_slot_is_inactive_with_its_wal_status()
    {
        await fixture.Cluster.ExecuteAsync("SELECT pg_create_physical_replication_slot('odooperf_unused', true)");
        try
        {
            await using var collector = await fixture.StartCollectorAsync();

            var scrape = await collector.ScrapeAsync();

            (string, string)[] slot = [("slot_name", "odooperf_unused"), ("slot_type", "physical")];
            Assert.Equal(0, scrape.Value("pg_replication_slot_slot_is_active", slot));
            Assert.True(scrape.Value("pg_replication_slot_slot_current_wal_lsn", slot) > 0);
            Assert.DoesNotContain(scrape.Family("pg_replication_slot_slot_confirmed_flush_lsn"), s => s.Label("slot_name") == "odooperf_unused");
            Assert.Equal(0, scrape.Value("pg_replication_slots_active", ("slot_name", "odooperf_unused"), ("database", "")));
            Assert.True(scrape.Value("pg_replication_slots_pg_wal_lsn_diff", ("slot_name", "odooperf_unused")) >= 0);
            if (fixture.Cluster.MajorVersion >= 13)
            {
                // max_slot_wal_keep_size is -1 here: nothing bounds the slot, so safe_wal_size is NULL.
                Assert.Equal(1, scrape.Value("pg_replication_slot_wal_status", [.. slot, ("wal_status", "reserved")]));
                Assert.DoesNotContain(scrape.Family("pg_replication_slot_safe_wal_size_bytes"), s => s.Label("slot_name") == "odooperf_unused");
            }
        }
        finally
        {
            await fixture.Cluster.ExecuteAsync("SELECT pg_drop_replication_slot('odooperf_unused')");
        }
    }

    [Fact]
    public async Task A_wal_receiver_shows_in_pg_stat_replication_with_its_slot()
    {
        await fixture.Cluster.ExecuteAsync("SELECT pg_create_physical_replication_slot('odooperf_receivewal')");
        var target = Directory.CreateTempSubdirectory("odooperf-receivewal-");
        using var receiver = StartReceiveWal(target.FullName, "odooperf_receivewal");
        try
        {
            await WaitUntilAsync(async () => await fixture.Cluster.ScalarAsync<long>("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'") == 1, receiver);
            await using var collector = await fixture.StartCollectorAsync();

            var scrape = await collector.ScrapeAsync();

            var sender = Assert.Single(scrape.Family("pg_stat_replication_pg_current_wal_lsn_bytes"));
            Assert.Equal("pg_receivewal", sender.Label("application_name"));
            Assert.Equal("127.0.0.1", sender.Label("client_addr"));
            Assert.Equal("streaming", sender.Label("state"));
            Assert.Equal("odooperf_receivewal", sender.Label("slot_name"));
            Assert.True(sender.Value > 0);
            Assert.Equal("gauge", scrape.Types["pg_stat_replication_pg_current_wal_lsn_bytes"]);
            Assert.Equal(1, scrape.Value("pg_replication_slot_slot_is_active", ("slot_name", "odooperf_receivewal")));
            Assert.Equal(0, scrape.Value("pg_replication_is_replica"));
        }
        finally
        {
            receiver.Kill(entireProcessTree: true);
            await receiver.WaitForExitAsync();
            await WaitUntilAsync(async () => await fixture.Cluster.ScalarAsync<long>("SELECT count(*) FROM pg_stat_replication") == 0, null);
            await fixture.Cluster.ExecuteAsync("SELECT pg_drop_replication_slot('odooperf_receivewal')");
            target.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_server_that_never_archived_has_zero_counts_and_a_nan_age()
    {
        await using var collector = await fixture.StartCollectorAsync();

        var scrape = await collector.ScrapeAsync();

        Assert.Equal(0, scrape.Value("pg_stat_archiver_archived_count"));
        Assert.Equal(0, scrape.Value("pg_stat_archiver_failed_count"));
        Assert.True(double.IsNaN(scrape.Value("pg_stat_archiver_last_archive_age")));
        Assert.Equal("counter", scrape.Types["pg_stat_archiver_archived_count"]);
        Assert.Equal("counter", scrape.Types["pg_stat_archiver_failed_count"]);
        Assert.Equal("gauge", scrape.Types["pg_stat_archiver_last_archive_age"]);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    public async Task The_query_of_every_version_runs_here(int majorVersion)
    {
        // The newest columns these queries select (pg_replication_slots.wal_status, safe_wal_size) appeared
        // in 13, so the query of every version runs on any server from 13 on.
        if (Math.Min(majorVersion, 13) > fixture.Cluster.MajorVersion)
        {
            return;
        }

        await using var connection = await fixture.Cluster.OpenAsync();
        foreach (var sql in new[] { ReplicationCollector.ReplicationSql, ReplicationCollector.StatReplicationSql(majorVersion), ReplicationCollector.SlotsSql(majorVersion) })
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        }
    }

    private Process StartReceiveWal(string directory, string slot)
    {
        var start = new ProcessStartInfo(Path.Join("/usr/lib/postgresql", fixture.Cluster.MajorVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), "bin", "pg_receivewal"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", fixture.Cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-D", directory, "--slot", slot, "--no-loop", "--no-sync" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = PostgresCluster.SuperuserPassword;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start pg_receivewal");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Process? process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (process is { HasExited: true })
            {
                Assert.Fail($"pg_receivewal exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the WAL sender");
            await Task.Delay(100);
        }
    }
}
