using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OdooPerf.OdooSim.Business;
using OdooPerf.OdooSim.Data;
using OdooPerf.OdooSim.Http;
using OdooPerf.OdooSim.Cron;
using OdooPerf.OdooSim.Logging;
using OdooPerf.OdooSim.Orm;
using OdooPerf.OdooSim.Sessions;

namespace OdooPerf.OdooSim;

/// <summary>
/// A running Odoo simulator: Kestrel on 127.0.0.1 speaking Odoo's HTTP/JSON-RPC surface over a real
/// PostgreSQL database it created and seeded, with an Odoo-format request log, counters and fault injection.
/// </summary>
public sealed class OdooSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimDatabase _database;
    private readonly OdooLogWriter _log;
    private readonly SessionStore _sessions;
    private readonly FaultState _faults;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _sweeper;
    private readonly CronThread? _cron;

    private OdooSimulator(WebApplication app, SimDatabase database, OdooLogWriter log, SessionStore sessions, SimulatorStats stats, FaultState faults, string baseUrl, string databaseName, string version, TimeSpan sweepEvery, CronThread? cron)
    {
        _app = app;
        _database = database;
        _log = log;
        _sessions = sessions;
        Stats = stats;
        _faults = faults;
        BaseUrl = baseUrl;
        DatabaseName = databaseName;
        Version = version;
        _sweeper = SweepIdleSessionsAsync(sweepEvery);
        _cron = cron;
    }

    /// <summary>e.g. <c>http://127.0.0.1:43211</c>, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The Odoo database name to log in to.</summary>
    public string DatabaseName { get; }

    public string Version { get; }

    public SimulatorStats Stats { get; }

    /// <summary>The faults in force; assign to change them while the simulator runs.</summary>
    public FaultSettings Faults
    {
        get => _faults.Current;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            _faults.Current = value;
        }
    }

    /// <summary>werkzeug lines queued for the log so far (equals <see cref="SimulatorStats.TotalRequests"/> once requests are answered).</summary>
    public long LoggedRequests => _log.RequestLines;

    /// <summary>Ends every session now: calls with an old cookie get <c>odoo.http.SessionExpiredException</c>. Returns how many ended.</summary>
    public int ExpireAllSessions() => _sessions.ExpireAll();

    /// <summary>Waits until every log line queued so far is written and flushed to the log file.</summary>
    public Task FlushLogAsync() => _log.FlushAsync();

    /// <summary>Scheduled actions the cron thread has run so far (0 without <see cref="OdooSimulatorOptions.CronInterval"/>).</summary>
    public long CronRuns => _cron?.Runs ?? 0;

    public static async Task<OdooSimulator> StartAsync(OdooSimulatorOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var registry = new Registry(options.InstalledApps, OdooVersion.Parse(options.Version).Major, options.RemovedFields);
        var database = new SimDatabase(options.ConnectionString, options.MaxConnections);
        OdooLogWriter? log = null;
        try
        {
            await database.CreateSchemaAsync(Registry.AllModels().ToList(), cancellation).ConfigureAwait(false);
            await SeedAsync(database, registry, options, cancellation).ConfigureAwait(false);

            var databaseName = options.DatabaseName ?? database.PostgresDatabase;
            var stats = new SimulatorStats();
            var sessions = new SessionStore(stats, options.SessionIdleTimeout, () => DateTime.UtcNow);
            log = new OdooLogWriter(options.LogFile, options.LogToStandardOutput);
            var (orm, methods) = Behaviours.Build(registry);
            var faults = new FaultState(options.Faults);
            var server = new SimServer(options, database, registry, orm, methods, sessions, stats, log, faults, databaseName);

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
                kestrel.AddServerHeader = false;
            });
            var app = builder.Build();
            app.Run(server.HandleAsync);
            await app.StartAsync(cancellation).ConfigureAwait(false);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            // Idle sessions stop counting as active within a fraction of the idle timeout, traffic or not.
            var sweepEvery = TimeSpan.FromTicks(Math.Clamp(options.SessionIdleTimeout.Ticks / 4, TimeSpan.FromMilliseconds(20).Ticks, TimeSpan.FromSeconds(5).Ticks));
            var cron = options.CronInterval is { } interval
                ? new CronThread(database, log, databaseName, OdooVersion.Parse(options.Version), options.CronJobs, interval)
                : null;
            return new OdooSimulator(app, database, log, sessions, stats, faults, address.TrimEnd('/'), databaseName, options.Version, sweepEvery, cron);
        }
        catch
        {
            if (log is not null)
            {
                await log.DisposeAsync().ConfigureAwait(false);
            }

            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>True once disposed: its database may be given to a new simulator.</summary>
    public bool IsStopped { get; private set; }

    public async ValueTask DisposeAsync()
    {
        if (IsStopped)
        {
            return;
        }

        IsStopped = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _sweeper.ConfigureAwait(false);
        if (_cron is not null)
        {
            await _cron.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
    }

    private async Task SweepIdleSessionsAsync(TimeSpan every)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                _sessions.Sweep();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private static async Task SeedAsync(SimDatabase database, Registry registry, OdooSimulatorOptions options, CancellationToken cancellation)
    {
        await using var cursor = await database.OpenCursorAsync(new SqlStats(), cancellation).ConfigureAwait(false);
        var seed = new SeedOptions(options.AdminLogin, options.AdminPassword, options.ApiKey, options.ExtraUsers, options.Customers, options.Vendors, options.Products, options.StockPerProduct);
        await new Seeder(cursor, registry, seed, DateTime.UtcNow).SeedAsync().ConfigureAwait(false);
        await cursor.CommitAsync().ConfigureAwait(false);
    }
}
