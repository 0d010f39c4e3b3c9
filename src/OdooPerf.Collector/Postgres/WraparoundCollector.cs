using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// Transaction-ID and multixact-ID wraparound, per database (every row of pg_database, templates
/// included, since autovacuum must freeze those too):
/// <list type="bullet">
/// <item><c>pg_database_xid_age{datname}</c>: <c>age(datfrozenxid)</c>, transactions since the oldest unfrozen XID.</item>
/// <item><c>pg_database_mxid_age{datname}</c>: <c>mxid_age(datminmxid)</c>, the same for multixact IDs.</item>
/// <item><c>pg_database_wraparound_ratio{datname}</c>: XID age / <c>autovacuum_freeze_max_age</c>. At 1
/// autovacuum starts anti-wraparound vacuums on the database's oldest tables; far above 1 means they do
/// not keep up (PostgreSQL stops assigning XIDs about 2^31 − 3M transactions, about 10× the default).</item>
/// <item><c>pg_database_mxid_wraparound_ratio{datname}</c>: multixact age / <c>autovacuum_multixact_freeze_max_age</c>.</item>
/// </list>
/// One query; pg_database and the two functions are readable by any role.
/// </summary>
public sealed class WraparoundCollector : IPostgresCollector
{
    public const string Sql =
        "SELECT datname, age(datfrozenxid)::float8, mxid_age(datminmxid)::float8, "
        + "current_setting('autovacuum_freeze_max_age')::float8, current_setting('autovacuum_multixact_freeze_max_age')::float8 "
        + "FROM pg_database";

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _xidAge;
    private readonly IScrapedFamily _mxidAge;
    private readonly IScrapedFamily _ratio;
    private readonly IScrapedFamily _mxidRatio;

    public WraparoundCollector(PostgresFamilies families)
    {
        _xidAge = _families.Add(families.Gauge("pg_database_xid_age", "Age of the database's oldest unfrozen transaction ID: age(pg_database.datfrozenxid), in transactions.", "datname"));
        _mxidAge = _families.Add(families.Gauge("pg_database_mxid_age", "Age of the database's oldest unfrozen multixact ID: mxid_age(pg_database.datminmxid), in multixacts.", "datname"));
        _ratio = _families.Add(families.Gauge("pg_database_wraparound_ratio", "pg_database_xid_age divided by autovacuum_freeze_max_age: at 1 autovacuum forces anti-wraparound vacuums.", "datname"));
        _mxidRatio = _families.Add(families.Gauge("pg_database_mxid_wraparound_ratio", "pg_database_mxid_age divided by autovacuum_multixact_freeze_max_age: at 1 autovacuum forces anti-wraparound vacuums.", "datname"));
    }

    public string Name => "wraparound";

    public static string SqlFor(int majorVersion) => Sql;

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        _families.BeginUpdate();
        await scrape.QueryAsync(SqlFor(scrape.MajorVersion), r =>
        {
            var datname = r.Text(0);
            var xidAge = r.Double(1) ?? 0;
            var mxidAge = r.Double(2) ?? 0;
            _xidAge.Set(xidAge, datname);
            _mxidAge.Set(mxidAge, datname);
            _ratio.Set(Ratio(xidAge, r.Double(3)), datname);
            _mxidRatio.Set(Ratio(mxidAge, r.Double(4)), datname);
        }, cancellationToken).ConfigureAwait(false);
        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();

    /// <summary><paramref name="age"/> / <paramref name="limit"/>; 0 when the limit is unknown or not positive.</summary>
    public static double Ratio(double age, double? limit) => limit is > 0 ? age / limit.Value : 0;
}
