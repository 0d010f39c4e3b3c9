using System.Runtime.CompilerServices;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>
/// <c>promtool check metrics</c> on a full scrape with PostgreSQL: it may only complain about names that
/// postgres_exporter chose (kept so that its dashboards and alerts work) and node_exporter's camelCase
/// memory names; every family OdooPerf names itself must pass.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPromtoolTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task Promtool_finds_nothing_in_the_families_odooperf_names()
    {
        var promtool = ExternalTool.Require(ExternalTool.Promtool);
        await fixture.Cluster.ExecuteAsync("CREATE TABLE IF NOT EXISTS promtool_check AS SELECT g FROM generate_series(1, 100) g");
        await using var collector = await CollectorProcess.StartAsync(
            ["--pg", fixture.Cluster.ConnectionString()],
            new Dictionary<string, string?> { ["ODOOPERF_SCRAPE__CACHETTL"] = "00:00:00" });
        var text = await collector.ScrapeTextAsync();

        var result = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], standardInput: text);

        var keptNames = KeptNames();
        var findings = (result.StandardOutput + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ours = findings.Where(f =>
        {
            var family = f.Split(' ')[0];
            return !keptNames.Contains(family) && !family.StartsWith("node_memory_", StringComparison.Ordinal);
        }).ToList();

        Assert.True(PrometheusText.Parse(text).HasSamples("pg_stat_user_tables_seq_scan"), "the scrape lacks the per-table families");
        Assert.True(ours.Count == 0, "promtool check metrics found:\n" + string.Join('\n', ours));
    }

    private static HashSet<string> KeptNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in new[] { "postgres_exporter_0.11_pg15_families.txt", "postgres_exporter_optional_families.txt" })
        {
            foreach (var line in File.ReadLines(Path.Join(SourceDirectory(), "Fixtures", file)))
            {
                if (line.Length > 0 && !line.StartsWith('#'))
                {
                    names.Add(line.Split(' ')[0]);
                }
            }
        }

        return names;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
