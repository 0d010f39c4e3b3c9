namespace OdooPerf.OdooSim;

/// <summary>How to start an <see cref="OdooSimulator"/>.</summary>
public sealed record OdooSimulatorOptions
{
    /// <summary>Npgsql connection string of an empty PostgreSQL database (or one the simulator created before: it is recreated).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Odoo series to imitate: 16.0, 17.0, 18.0 or 19.0.</summary>
    public string Version { get; init; } = "17.0";

    /// <summary>Odoo database name clients log in to and the log shows; the PostgreSQL database's name by default.</summary>
    public string? DatabaseName { get; init; }

    /// <summary>Port on 127.0.0.1; 0 picks a free one (see <see cref="OdooSimulator.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>File the Odoo-format log is appended to; none when null (unless <see cref="LogToStandardOutput"/>).</summary>
    public string? LogFile { get; init; }

    public bool LogToStandardOutput { get; init; }

    public string AdminLogin { get; init; } = "admin";

    public string AdminPassword { get; init; } = "admin";

    /// <summary>The admin's API key (Odoo 19's JSON-2 bearer, and a password substitute for /jsonrpc); none when null. At least 8 characters.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Extra users <c>user1</c> .. <c>userN</c>, with the admin's password.</summary>
    public int ExtraUsers { get; init; }

    /// <summary>Apps installed (their dependencies and bridge modules follow): any of sale_management, stock, purchase, account, crm.</summary>
    public IReadOnlyCollection<string> InstalledApps { get; init; } = Orm.ModuleGraph.DefaultApps;

    /// <summary>
    /// Fields this database lacks whatever the version (<c>sale.order.client_order_ref</c>), as on a customised or partly
    /// upgraded server: hidden from fields_get and refused like any unknown field. For tests of clients that check a schema.
    /// </summary>
    public IReadOnlyCollection<string> RemovedFields { get; init; } = [];

    public int Customers { get; init; } = 12;

    public int Vendors { get; init; } = 4;

    public int Products { get; init; } = 10;

    /// <summary>On-hand quantity of each storable product in WH/Stock (large, so deliveries are always fully reserved).</summary>
    public decimal StockPerProduct { get; init; } = 1_000_000m;

    /// <summary>Validating a delivery asks the <c>confirm.stock.sms</c> question first, once per company, as Odoo 16-19 with stock_sms do.</summary>
    public bool StockSmsWizard { get; init; } = true;

    /// <summary>
    /// Unknown field names are Odoo's <c>builtins.ValueError</c>, as in Odoo. Off by default: the simulator has
    /// a fraction of Odoo's fields, so reads answer False for the others, writes drop them and domain terms on
    /// them match everything; <see cref="SimulatorStatsSnapshot.UnknownFields"/> lists what was let through.
    /// </summary>
    public bool StrictFields { get; init; }

    /// <summary>Like a server with several databases and no dbfilter: requests without a session log <c>?</c> as database.</summary>
    public bool MultiDatabase { get; init; }

    /// <summary>A session idle for longer stops counting as active (it stays valid, as in Odoo).</summary>
    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>Connections to PostgreSQL at most (Odoo's db_maxconn).</summary>
    public int MaxConnections { get; init; } = 32;

    /// <summary>
    /// When set, a cron thread runs <see cref="CronJobs"/> at this interval (first at start), logging each run as
    /// Odoo 16 to 18 do; null: no cron thread (Odoo's <c>--max-cron-threads 0</c>).
    /// </summary>
    public TimeSpan? CronInterval { get; init; }

    /// <summary>The scheduled actions the cron thread runs.</summary>
    public IReadOnlyList<Cron.SimulatedCronJob> CronJobs { get; init; } = Cron.SimulatedCronJob.Defaults;

    internal void Validate()
    {
        if (CronInterval is { } cron && (cron <= TimeSpan.Zero || OdooVersion.Parse(Version).Major >= 19))
        {
            throw new ArgumentException("CronInterval must be positive, and cron runs are simulated for Odoo 16.0 to 18.0 only", nameof(CronInterval));
        }

        OdooVersion.Parse(Version);
        Orm.ModuleGraph.Installed(InstalledApps);
        Faults.Validate();
        if (ApiKey is { Length: < 8 })
        {
            throw new ArgumentException("the API key must have at least 8 characters", nameof(ApiKey));
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "must be a TCP port");
        }

        if (Customers < 1 || Products < 3 || Vendors < 1 || ExtraUsers < 0)
        {
            throw new ArgumentException("the seed needs at least 1 customer, 1 vendor and 3 products");
        }
    }
}
