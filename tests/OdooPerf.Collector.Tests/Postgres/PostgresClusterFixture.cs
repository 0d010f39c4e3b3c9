using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>
/// One throwaway PostgreSQL cluster shared by the PostgreSQL test classes (creating one takes seconds),
/// with pg_stat_statements installed. Tests that stop the server use a cluster of their own.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    public PostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await PostgresCluster.StartAsync();
        await Cluster.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Starts the real collector watching this cluster as the superuser.</summary>
    public Task<CollectorProcess> StartCollectorAsync(string? connectionString = null, IReadOnlyDictionary<string, string?>? environment = null)
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

        return CollectorProcess.StartAsync(["--pg", connectionString ?? Cluster.ConnectionString()], env);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = "postgres";
}
