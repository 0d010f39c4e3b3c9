using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.OdooSim.Tests;

/// <summary>
/// One throwaway PostgreSQL cluster per test class; each simulator a test starts gets a fresh database of
/// its own in it, and its log in a temporary directory removed with the cluster.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _sharedGate = new(1, 1);
    private readonly List<(OdooSimulator Simulator, string Database, string LogFile)> _started = [];
    private int _databases;
    private int _logs;
    private readonly Dictionary<string, OdooSimulator> _shared = new(StringComparer.Ordinal);

    public PostgresCluster Cluster { get; private set; } = null!;

    public string LogDirectory { get; } = Directory.CreateTempSubdirectory("odoosim-logs-").FullName;

    public async Task InitializeAsync() => Cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var shared in _shared.Values)
        {
            await shared.DisposeAsync();
        }

        _sharedGate.Dispose();
        await Cluster.DisposeAsync();
        Directory.Delete(LogDirectory, recursive: true);
    }

    /// <summary>
    /// A simulator on a database of its own (one a stopped simulator used, emptied, or a new one) and a new log;
    /// <paramref name="configure"/> adjusts the default options.
    /// </summary>
    public async Task<OdooSimulator> StartAsync(string version = "17.0", Func<OdooSimulatorOptions, OdooSimulatorOptions>? configure = null)
    {
        string? database;
        lock (_started)
        {
            database = _started.FirstOrDefault(s => s.Simulator.IsStopped).Database;
            _started.RemoveAll(s => s.Database == database);
        }

        if (database is null)
        {
            database = $"sim_{Interlocked.Increment(ref _databases)}";
            await Cluster.ExecuteAsync($"CREATE DATABASE {database}");
        }

        var options = new OdooSimulatorOptions
        {
            ConnectionString = Cluster.ConnectionString(database: database),
            Version = version,
            LogFile = Path.Join(LogDirectory, $"odoo-{Interlocked.Increment(ref _logs)}.log"),
            ApiKey = ApiKey,
        };
        options = configure is null ? options : configure(options);
        var simulator = await OdooSimulator.StartAsync(options);
        lock (_started)
        {
            _started.Add((simulator, database, options.LogFile!));
        }

        return simulator;
    }

    /// <summary>One simulator per version the class's tests share (starting one costs a database and a schema); not to be disposed by tests.</summary>
    public async Task<OdooSimulator> SharedAsync(string version = "17.0")
    {
        await _sharedGate.WaitAsync();
        try
        {
            if (!_shared.TryGetValue(version, out var simulator))
            {
                _shared[version] = simulator = await StartAsync(version);
            }

            return simulator;
        }
        finally
        {
            _sharedGate.Release();
        }
    }

    public const string ApiKey = "odoosim-test-api-key-0001";

    public string LogFile(OdooSimulator simulator)
    {
        lock (_started)
        {
            return _started.Single(s => s.Simulator == simulator).LogFile;
        }
    }

    /// <summary>A scalar read straight from a simulator's database, to check what an RPC call really wrote.</summary>
    public Task<T> ScalarAsync<T>(OdooSimulator simulator, string sql) => Cluster.ScalarAsync<T>(sql, simulator.DatabaseName);
}
