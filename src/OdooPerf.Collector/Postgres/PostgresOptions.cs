namespace OdooPerf.Collector.Postgres;

/// <summary>The PostgreSQL source. Bound from the <c>Postgres</c> configuration section.</summary>
public sealed class PostgresOptions
{
    public List<PostgresServerOptions> Servers { get; set; } = [];

    /// <summary><c>statement_timeout</c> of the collector's sessions: no query of ours runs longer.</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary><c>lock_timeout</c> of the collector's sessions: we never queue behind a lock for long.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often database and table sizes are measured; between two measurements the last figures are
    /// served. Measuring walks the data files, which costs the server more than every other query of a
    /// scrape together on a database with thousands of tables.
    /// </summary>
    public TimeSpan SizeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Per-table families keep the largest tables only (plus the Odoo tables below).</summary>
    public int TopTables { get; set; } = 50;

    /// <summary>pg_stat_statements families keep the statements with the most total time only.</summary>
    public int TopStatements { get; set; } = 100;

    /// <summary>Cap on the databases visited for per-table families when a server lists none.</summary>
    public int MaxDatabases { get; set; } = 10;

    /// <summary>
    /// Tables always reported in the per-table families when they exist, whatever their rank: the ones
    /// Odoo installations grow fastest. Empty means <see cref="DefaultOdooTables"/>.
    /// </summary>
    public List<string> OdooTables { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultOdooTables =
    [
        "mail_message", "mail_tracking_value", "mail_followers", "mail_notification", "ir_attachment",
        "account_move_line", "account_move", "stock_move", "stock_move_line", "stock_quant", "bus_bus",
        "ir_logging", "queue_job", "sale_order_line", "purchase_order_line",
    ];

    public IReadOnlyList<string> EffectiveOdooTables => OdooTables.Count > 0 ? OdooTables : DefaultOdooTables;
}
