using OdooPerf.Collector.Postgres;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>pg_stat_bgwriter_* against a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BgwriterCollectorTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task The_bgwriter_counters_are_counters_and_count_a_requested_checkpoint()
    {
        await using var collector = await fixture.StartCollectorAsync();
        var before = await collector.ScrapeAsync();

        await fixture.Cluster.ExecuteAsync("CREATE TABLE bgwriter_dirty AS SELECT g FROM generate_series(1, 10000) g");
        await fixture.Cluster.ExecuteAsync("CHECKPOINT");
        var after = await collector.ScrapeAsync();

        var expected = BgwriterCollector.Metrics(fixture.Cluster.MajorVersion);
        Assert.Equal(fixture.Cluster.MajorVersion >= 17 ? 9 : 11, expected.Count);
        foreach (var metric in expected)
        {
            Assert.Equal("counter", after.Types[metric]);
            Assert.True(after.Value(metric) >= 0, metric);
        }

        Assert.True(after.Value("pg_stat_bgwriter_checkpoints_req_total") > before.Value("pg_stat_bgwriter_checkpoints_req_total"));
        Assert.True(after.Value("pg_stat_bgwriter_buffers_checkpoint_total") > 0);
        Assert.True(after.Value("pg_stat_bgwriter_buffers_alloc_total") > 0);
        var reset = after.Value("pg_stat_bgwriter_stats_reset_total");
        Assert.InRange(reset, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(Math.Floor(reset), reset);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    public async Task The_query_of_every_version_before_17_runs_here(int majorVersion)
    {
        // pg_stat_bgwriter kept the same columns from 12 to 16, so each of those queries must run on this server.
        if (fixture.Cluster.MajorVersion >= 17)
        {
            return;
        }

        await using var connection = await fixture.Cluster.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(BgwriterCollector.Sql(majorVersion), connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(11, reader.FieldCount);
    }
}
