using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// pg_stat_activity: <c>pg_stat_activity_count{datname,state}</c> and
/// <c>pg_stat_activity_max_tx_duration{datname,state}</c>, gauges, one series for every database and every
/// state postgres_exporter lists, zero when no session is in it, so that a dashboard's
/// <c>idle in transaction</c> panel shows 0 rather than "no data".
/// </summary>
/// <remarks>
/// Label names are postgres_exporter 0.11's (the ones the issue contracts); 0.15+ also split the series by
/// usename and application_name (0.17+: backend_type, wait_event_type, wait_event), which multiplies the
/// series per database while a query aggregating by datname and state gives the same answer either way.
/// Our own scraping session is left out, as postgres_exporter 0.20 does: a monitor should not count itself.
/// </remarks>
public sealed class ActivityCollector : IPostgresCollector
{
    /// <summary>The states postgres_exporter zero-fills, in its order (pg_stat_activity.state values).</summary>
    public static readonly IReadOnlyList<string> States =
    [
        "active", "idle", "idle in transaction", "idle in transaction (aborted)", "fastpath function call", "disabled",
    ];

    /// <summary>
    /// Every database crossed with every state, joined to the sessions grouped the same way. Sessions with
    /// no database (background workers) or in a state outside the list match nothing, as upstream.
    /// </summary>
    public static readonly string Sql = $"""
        SELECT d.datname, s.state, COALESCE(a.count, 0), COALESCE(a.max_tx_duration, 0)
        FROM pg_database d
        CROSS JOIN (VALUES {string.Join(", ", States.Select(s => $"('{s}')"))}) AS s(state)
        LEFT JOIN (
            SELECT datname, state, count(*) AS count,
                   max(EXTRACT(EPOCH FROM now() - xact_start))::float8 AS max_tx_duration
            FROM pg_stat_activity
            WHERE pid <> pg_backend_pid()
            GROUP BY datname, state
        ) a ON a.datname = d.datname AND a.state = s.state
        """;

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _count;
    private readonly IScrapedFamily _maxTxDuration;

    public ActivityCollector(PostgresFamilies families)
    {
        _count = _families.Add(families.Gauge("pg_stat_activity_count", "number of connections in this state", "datname", "state"));
        _maxTxDuration = _families.Add(families.Gauge("pg_stat_activity_max_tx_duration", "max duration in seconds any active transaction has been running", "datname", "state"));
    }

    public string Name => "stat_activity";

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        _families.BeginUpdate();
        await scrape.QueryAsync(Sql, r =>
        {
            string[] labels = [r.Text(0), r.Text(1)];
            _count.Set(r.Double(2) ?? 0, labels);
            _maxTxDuration.Set(r.Double(3) ?? 0, labels);
        }, cancellationToken).ConfigureAwait(false);
        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();
}
