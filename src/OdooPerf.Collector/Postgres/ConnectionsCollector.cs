using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// Connection slots, and who uses them:
/// <list type="bullet">
/// <item><c>pg_connections{application_class}</c>: client sessions by <c>application_name</c> class, every
/// class always present (0 when none). See <see cref="Classify"/> for the rule.</item>
/// <item><c>pg_connections_max</c>: <c>max_connections</c>.</item>
/// <item><c>pg_connections_reserved</c>: slots ordinary roles cannot use: <c>superuser_reserved_connections</c>,
/// plus <c>reserved_connections</c> (for <c>pg_use_reserved_connections</c> members) on PostgreSQL 16+.</item>
/// <item><c>pg_connections_used_ratio</c>: client sessions / (max_connections − reserved): at 1 a new
/// connection of an ordinary role (Odoo's, normally) is refused; above 1 only while privileged roles use
/// the reserved slots.</item>
/// </list>
/// Only client backends count (<c>backend_type = 'client backend'</c>), since only they take
/// <c>max_connections</c> slots: autovacuum, WAL senders and background workers have slots of their own.
/// One query.
/// </summary>
public sealed class ConnectionsCollector : IPostgresCollector
{
    public const string OdooClass = "odoo";
    public const string OdooPerfClass = "odooperf";
    public const string OtherClass = "other";

    public static readonly IReadOnlyList<string> Classes = [OdooClass, OdooPerfClass, OtherClass];

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _connections;
    private readonly IScrapedFamily _max;
    private readonly IScrapedFamily _reserved;
    private readonly IScrapedFamily _usedRatio;

    public ConnectionsCollector(PostgresFamilies families)
    {
        _connections = _families.Add(families.Gauge("pg_connections", "Client sessions by application_name class: odoo (a name starting with odoo, such as Odoo's odoo-<pid>), odooperf (this collector), other.", "application_class"));
        _max = _families.Add(families.Gauge("pg_connections_max", "Maximum number of concurrent connections (max_connections)."));
        _reserved = _families.Add(families.Gauge("pg_connections_reserved", "Connection slots reserved for privileged roles: superuser_reserved_connections, plus reserved_connections on PostgreSQL 16+."));
        _usedRatio = _families.Add(families.Gauge("pg_connections_used_ratio", "Client sessions divided by the slots open to ordinary roles (max_connections minus reserved slots)."));
    }

    public string Name => "connections";

    /// <summary>
    /// The query for a server major version: reserved_connections exists from 16 on. One row per distinct
    /// application_name of the client sessions (at least one: ours), each with the settings.
    /// </summary>
    public static string SqlFor(int majorVersion)
    {
        var reserved = majorVersion >= 16
            ? "current_setting('superuser_reserved_connections')::int + current_setting('reserved_connections')::int"
            : "current_setting('superuser_reserved_connections')::int";
        return $"SELECT s.max_connections, s.reserved, a.application_name, coalesce(a.sessions, 0) "
            + $"FROM (SELECT current_setting('max_connections')::int AS max_connections, {reserved} AS reserved) s "
            + "LEFT JOIN (SELECT application_name, count(*) AS sessions FROM pg_stat_activity "
            + "WHERE backend_type = 'client backend' GROUP BY application_name) a ON true";
    }

    /// <summary>
    /// The class of an <c>application_name</c>:
    /// <list type="bullet">
    /// <item><c>odooperf</c>: exactly <c>odooperf</c>, this collector's sessions.</item>
    /// <item><c>odoo</c>: any other name starting with <c>odoo</c> (case-insensitive). Odoo 16.0 and later name
    /// their connections <c>odoo-&lt;pid&gt;</c> (odoo/sql_db.py <c>connection_info_for</c>: hard-coded, or
    /// <c>ODOO_PGAPPNAME</c> with <c>{pid}</c> substituted, up to 18.0; the <c>db_app_name</c> option /
    /// <c>PGAPPNAME</c>, default <c>odoo-{pid}</c>, from 19.0). Odoo 15.0 and older set no name (checked in
    /// their sql_db.py): give their service <c>PGAPPNAME=odoo</c> in its environment, which libpq then uses.</item>
    /// <item><c>other</c>: everything else, including the empty name of clients that set none.</item>
    /// </list>
    /// </summary>
    public static string Classify(string? applicationName)
    {
        if (string.Equals(applicationName, PostgresConnections.ApplicationName, StringComparison.Ordinal))
        {
            return OdooPerfClass;
        }

        return applicationName is not null && applicationName.StartsWith("odoo", StringComparison.OrdinalIgnoreCase)
            ? OdooClass
            : OtherClass;
    }

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal) { [OdooClass] = 0, [OdooPerfClass] = 0, [OtherClass] = 0 };
        double? max = null;
        double? reserved = null;
        await scrape.QueryAsync(SqlFor(scrape.MajorVersion), r =>
        {
            max = r.Double(0);
            reserved = r.Double(1);
            var sessions = r.Double(3) ?? 0;
            if (sessions > 0)
            {
                counts[Classify(r.Text(2))] += sessions;
            }
        }, cancellationToken).ConfigureAwait(false);

        _families.BeginUpdate();
        foreach (var (applicationClass, sessions) in counts)
        {
            _connections.Set(sessions, applicationClass);
        }

        if (max is { } maxConnections)
        {
            _max.Set(maxConnections);
            _reserved.Set(reserved ?? 0);
            _usedRatio.Set(UsedRatio(counts.Values.Sum(), maxConnections, reserved ?? 0));
        }

        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();

    /// <summary>Sessions / (max − reserved); 0 when no slot is open to ordinary roles.</summary>
    public static double UsedRatio(double sessions, double maxConnections, double reserved)
    {
        var available = maxConnections - reserved;
        return available > 0 ? sessions / available : 0;
    }
}
