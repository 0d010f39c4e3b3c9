using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// pg_locks: <c>pg_locks_count{datname,mode}</c>, a gauge, one series for every database and every table
/// lock mode, zero when none is held, with the mode in lower case as postgres_exporter writes it.
/// </summary>
/// <remarks>
/// Locks with no database (relation-less locks: transaction IDs, virtual transactions, advisory locks on
/// shared objects) are not counted, as upstream. Lock waits are counted with granted locks, as upstream;
/// blocked sessions have their own family.
/// </remarks>
public sealed class LocksCollector : IPostgresCollector
{
    /// <summary>The modes postgres_exporter zero-fills, weakest first (pg_locks.mode, lower-cased).</summary>
    public static readonly IReadOnlyList<string> Modes =
    [
        "accesssharelock", "rowsharelock", "rowexclusivelock", "shareupdateexclusivelock", "sharelock",
        "sharerowexclusivelock", "exclusivelock", "accessexclusivelock", "sireadlock",
    ];

    public static readonly string Sql = $"""
        SELECT d.datname, m.mode, COALESCE(l.count, 0)
        FROM pg_database d
        CROSS JOIN (VALUES {string.Join(", ", Modes.Select(m => $"('{m}')"))}) AS m(mode)
        LEFT JOIN (
            SELECT database, lower(mode) AS mode, count(*) AS count
            FROM pg_locks
            WHERE database IS NOT NULL
            GROUP BY database, lower(mode)
        ) l ON l.database = d.oid AND l.mode = m.mode
        """;

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _count;

    public LocksCollector(PostgresFamilies families)
    {
        _count = _families.Add(families.Gauge("pg_locks_count", "Number of locks", "datname", "mode"));
    }

    public string Name => "locks";

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        _families.BeginUpdate();
        await scrape.QueryAsync(Sql, r => _count.Set(r.Double(2) ?? 0, r.Text(0), r.Text(1)), cancellationToken).ConfigureAwait(false);
        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();
}
