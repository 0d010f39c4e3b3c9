using OdooPerf.OdooSim;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Fixtures;

/// <summary>
/// One throwaway PostgreSQL cluster per test class, and Odoo simulators on it, each on a fresh database of its own
/// with its log in a temporary directory; everything is removed with the fixture.
/// </summary>
public sealed class SimulatorCluster : IAsyncLifetime
{
    public const string Login = "admin";
    public const string Password = "admin-sim-password";

    private readonly List<(OdooSimulator Simulator, string LogFile)> _simulators = [];
    private int _databases;

    public PostgresCluster Cluster { get; private set; } = null!;

    public string LogDirectory { get; } = Directory.CreateTempSubdirectory("odooperf-load-sim-").FullName;

    public async Task InitializeAsync() => Cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var (simulator, _) in _simulators)
        {
            await simulator.DisposeAsync();
        }

        await Cluster.DisposeAsync();
        Directory.Delete(LogDirectory, recursive: true);
    }

    /// <summary>A simulator (Odoo 17 by default, admin's password <see cref="Password"/>) on a new database; <paramref name="configure"/> adjusts the options.</summary>
    public async Task<OdooSimulator> StartAsync(Func<OdooSimulatorOptions, OdooSimulatorOptions>? configure = null)
    {
        var number = Interlocked.Increment(ref _databases);
        var database = $"sim_{number}";
        await Cluster.ExecuteAsync($"CREATE DATABASE {database}");
        var options = new OdooSimulatorOptions
        {
            ConnectionString = Cluster.ConnectionString(database: database),
            Version = "17.0",
            LogFile = Path.Join(LogDirectory, $"odoo-{number}.log"),
            AdminLogin = Login,
            AdminPassword = Password,
        };
        options = configure is null ? options : configure(options);
        var simulator = await OdooSimulator.StartAsync(options);
        lock (_simulators)
        {
            _simulators.Add((simulator, options.LogFile!));
        }

        return simulator;
    }

    /// <summary>The Odoo-format log a simulator of this fixture writes.</summary>
    public string LogFile(OdooSimulator simulator)
    {
        lock (_simulators)
        {
            return _simulators.Single(s => s.Simulator == simulator).LogFile;
        }
    }

    /// <summary>A scalar read straight from a simulator's database, to check what the scenarios really wrote.</summary>
    public Task<T> ScalarAsync<T>(OdooSimulator simulator, string sql) => Cluster.ScalarAsync<T>(sql, simulator.DatabaseName);
}
