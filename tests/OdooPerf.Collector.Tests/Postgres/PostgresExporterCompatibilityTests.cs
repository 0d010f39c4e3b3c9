using OdooPerf.Testing;
using System.Runtime.CompilerServices;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>
/// The compatibility contract: every family that postgres_exporter exports by default is exported by
/// OdooPerf with the same name, label names and type. The reference is written down in
/// Fixtures/postgres_exporter_0.11_pg15_families.txt ("NAME TYPE LABELS" per line, from Debian's
/// prometheus-postgres-exporter 0.11.1 on PostgreSQL 15 with its default collectors; its own
/// pg_exporter_* and pg_scrape_collector_* families and its `server` label, which OdooPerf adds only
/// when several servers are configured, left out).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresExporterCompatibilityTests(PostgresClusterFixture fixture)
{
    // Deliberate differences. postgres_exporter 0.11 passes PostgreSQL 14's session statistics through
    // untyped, in milliseconds and without a unit in the name; OdooPerf names them with base units as
    // upstream postgres_exporter since 0.15 names active_time.
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["pg_stat_database_active_time"] = "pg_stat_database_active_time_seconds_total",
        ["pg_stat_database_session_time"] = "pg_stat_database_session_time_seconds_total",
        ["pg_stat_database_idle_in_transaction_time"] = "pg_stat_database_idle_in_transaction_time_seconds_total",
        ["pg_stat_database_sessions"] = "pg_stat_database_sessions_total",
        ["pg_stat_database_sessions_abandoned"] = "pg_stat_database_sessions_abandoned_total",
        ["pg_stat_database_sessions_fatal"] = "pg_stat_database_sessions_fatal_total",
        ["pg_stat_database_sessions_killed"] = "pg_stat_database_sessions_killed_total",
    };

    [Fact]
    public async Task Every_default_postgres_exporter_family_is_exported_with_its_labels_and_type()
    {
        Assert.True(fixture.Cluster.MajorVersion == 15, "the reference list was taken on PostgreSQL 15");
        await using var collector = await fixture.StartCollectorAsync();
        var scrape = await collector.ScrapeAsync();

        var problems = new List<string>();
        foreach (var (name, type, labels) in Reference())
        {
            var ours = Renamed.GetValueOrDefault(name, name);
            if (!scrape.Types.TryGetValue(ours, out var ourType) || !scrape.HasSamples(ours))
            {
                problems.Add($"{ours}: missing");
                continue;
            }

            // prometheus-net cannot write "untyped"; a family exported untyped is a gauge or counter here.
            if (type != "untyped" && type != ourType)
            {
                problems.Add($"{ours}: type {ourType}, postgres_exporter {type}");
            }

            var ourLabels = scrape.Family(ours).SelectMany(s => s.Labels.Keys).Distinct().Order(StringComparer.Ordinal);
            if (!ourLabels.SequenceEqual(labels.Order(StringComparer.Ordinal)))
            {
                problems.Add($"{ours}: labels {string.Join(',', ourLabels)}, postgres_exporter {string.Join(',', labels)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static IEnumerable<(string Name, string Type, string[] Labels)> Reference() =>
        File.ReadLines(Path.Join(SourceDirectory(), "Fixtures", "postgres_exporter_0.11_pg15_families.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .Select(p => (p[0], p[1], p.Length > 2 && p[2] != "-" ? p[2].Split(',') : Array.Empty<string>()));

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
