using System.Runtime.CompilerServices;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>
/// pg_settings_* against a real server, and the postgres_exporter compatibility contract: the families
/// postgres_exporter exports by default, written down in Fixtures/postgres_exporter_0.11_pg15_families.txt
/// ("NAME TYPE" per line: every pg_ family of Debian's prometheus-postgres-exporter 0.11.1 with its default
/// collectors, scraping PostgreSQL 15.18 with pg_stat_statements preloaded, without the exporter's own
/// pg_exporter_* and pg_scrape_collector_* families).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SettingsCollectorTests(PostgresClusterFixture fixture)
{
    // The families of the list that this test vouches for (the others, pg_up, pg_static, pg_database_* and
    // pg_stat_database_*, belong to PostgresSourceTests).
    //
    // Deliberate differences from postgres_exporter, none of which changes a family's name or type:
    // - no server label with a single server (upstream 0.12+ dropped it too; 0.11's list was made with it);
    // - pg_settings_* help is upstream 0.12+'s "Server Parameter: NAME", not 0.11's setting description;
    // - pg_stat_activity_* keep 0.11's {datname,state} (0.15+ add usename and application_name, 0.17+
    //   backend_type and wait events) and leave out the collector's own session (as 0.20);
    // - pg_stat_bgwriter_* checkpoint series are kept on PostgreSQL 17, filled from pg_stat_checkpointer
    //   (upstream drops them there); buffers_backend(_fsync)_total are absent on 17;
    // - pg_stat_replication_* carry the real slot_name (as 0.20) and a reply_time gauge (0.12-0.19 untyped);
    // - pg_replication_slot_* keep 0.15-0.19's names (0.20 renamed them pg_replication_slots_slot_*).
    private static readonly string[] OwnedPrefixes =
    [
        "pg_stat_activity_", "pg_locks_", "pg_stat_bgwriter_", "pg_stat_archiver_", "pg_settings_",
        "pg_replication_", "pg_stat_replication_",
    ];

    [Fact]
    public async Task Shared_buffers_is_exported_in_bytes()
    {
        var expected = await fixture.Cluster.ScalarAsync<long>("SELECT pg_size_bytes(current_setting('shared_buffers'))");
        await using var collector = await fixture.StartCollectorAsync();

        var scrape = await collector.ScrapeAsync();

        Assert.Equal(expected, scrape.Value("pg_settings_shared_buffers_bytes"));
        Assert.Equal(await fixture.Cluster.ScalarAsync<int>("SELECT current_setting('max_connections')::int"), scrape.Value("pg_settings_max_connections"));
        Assert.Equal(await fixture.Cluster.ScalarAsync<double>("SELECT EXTRACT(EPOCH FROM current_setting('checkpoint_timeout')::interval)::float8"), scrape.Value("pg_settings_checkpoint_timeout_seconds"));
        Assert.Equal(0.1, scrape.Value("pg_settings_deadlock_timeout_seconds"), 9); // 100ms in the fixture's configuration
        Assert.Equal(1, scrape.Value("pg_settings_track_io_timing"));
        Assert.Equal(0, scrape.Value("pg_settings_fsync"));
        Assert.Equal("gauge", scrape.Types["pg_settings_shared_buffers_bytes"]);
    }

    [Fact]
    public async Task The_settings_families_are_the_ones_postgres_exporter_names_for_this_server()
    {
        await using var collector = await fixture.StartCollectorAsync();

        var first = SettingsFamilies(await collector.ScrapeAsync());
        var second = SettingsFamilies(await collector.ScrapeAsync());

        Assert.Equal(first, second); // discovered once, stable afterwards
        Assert.All(first, name => Assert.Matches("^[a-zA-Z_:][a-zA-Z0-9_:]*$", name));
        Assert.Contains("pg_settings_pg_stat_statements_max", first); // a custom setting: '.' became '_'
        if (fixture.Cluster.MajorVersion == 15)
        {
            // The list was written from PostgreSQL 15 (with pg_stat_statements preloaded, as the fixture's
            // cluster); another version has other settings.
            var reference = ReferenceFamilies().Keys.Where(n => n.StartsWith("pg_settings_", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
            Assert.Equal(reference, first);
        }
    }

    [Fact]
    public async Task Every_postgres_exporter_family_of_these_collectors_is_exported_with_its_type()
    {
        await using var collector = await fixture.StartCollectorAsync();

        var scrape = await collector.ScrapeAsync();

        var owned = ReferenceFamilies()
            .Where(f => OwnedPrefixes.Any(p => f.Key.StartsWith(p, StringComparison.Ordinal)))
            .Where(f => fixture.Cluster.MajorVersion == 15 || !f.Key.StartsWith("pg_settings_", StringComparison.Ordinal))
            .ToList();
        Assert.True(owned.Count > 250, $"only {owned.Count} families of the reference list are ours");
        var missing = owned.Where(f => !scrape.HasSamples(f.Key)).Select(f => f.Key).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        var mistyped = owned.Where(f => scrape.Types[f.Key] != f.Value).Select(f => $"{f.Key} is {scrape.Types[f.Key]}, not {f.Value}").ToList();
        Assert.True(mistyped.Count == 0, string.Join("; ", mistyped));
        Assert.DoesNotContain(scrape.Samples, s => s.Name.StartsWith("pg_", StringComparison.Ordinal) && s.Labels.ContainsKey("server"));
    }

    private static List<string> SettingsFamilies(PrometheusText scrape) =>
        [.. scrape.Samples.Select(s => s.Name).Where(n => n.StartsWith("pg_settings_", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Family → type, from the list postgres_exporter 0.11 produced on PostgreSQL 15.</summary>
    private static Dictionary<string, string> ReferenceFamilies() =>
        File.ReadLines(Path.Join(SourceDirectory(), "Fixtures", "postgres_exporter_0.11_pg15_families.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    // The list lives beside this file (the project copies only its top-level Fixtures folder to the output).
    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
