using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// Sessions blocked on heavyweight locks, from <c>pg_blocking_pids()</c>:
/// <list type="bullet">
/// <item><c>pg_blocked_sessions</c>: sessions whose <c>pg_blocking_pids(pid)</c> is not empty.</item>
/// <item><c>pg_blocking_sessions</c>: distinct sessions that block at least one other (a prepared
/// transaction holding the lock counts as one blocker, reported by PostgreSQL as pid 0).</item>
/// <item><c>pg_longest_lock_wait_seconds</c>: how long the longest-blocked of them has been waiting, 0 when
/// none. On PostgreSQL 14+ it is now − <c>pg_locks.waitstart</c>, the moment the wait for the lock began.
/// PostgreSQL 12 and 13 do not record that, so there it is now − <c>pg_stat_activity.query_start</c>: the
/// age of the statement that is waiting, an upper bound of the wait (the statement may have worked
/// before it queued). 14+ falls back to <c>query_start</c> too in the instant before <c>waitstart</c> is set.</item>
/// </list>
/// One query. <c>pg_blocking_pids</c> is called only for sessions whose <c>wait_event_type</c> is
/// <c>Lock</c> (only those can be blocked), and on 14+ pg_locks is read only for them, so a scrape of a
/// server where nobody waits touches neither. Every backend type counts: an autovacuum worker or a
/// background worker can be blocked or block like any session. The collector itself never waits on a
/// lock for long (its <c>lock_timeout</c>).
/// </summary>
public sealed class BlockingCollector : IPostgresCollector
{
    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _blocked;
    private readonly IScrapedFamily _blocking;
    private readonly IScrapedFamily _longestWait;

    public BlockingCollector(PostgresFamilies families)
    {
        _blocked = _families.Add(families.Gauge("pg_blocked_sessions", "Sessions waiting for a lock held by another session (pg_blocking_pids not empty)."));
        _blocking = _families.Add(families.Gauge("pg_blocking_sessions", "Distinct sessions holding a lock that another session waits for (a prepared transaction counts as one)."));
        _longestWait = _families.Add(families.Gauge("pg_longest_lock_wait_seconds", "How long the longest-waiting blocked session has waited for its lock (PostgreSQL 14+: since pg_locks.waitstart; 12-13: since its statement's query_start), 0 when none."));
    }

    public string Name => "blocking";

    /// <summary>The query for a server major version: the lock wait's start from pg_locks.waitstart on 14+.</summary>
    public static string SqlFor(int majorVersion)
    {
        var waitStart = majorVersion >= 14
            ? "coalesce((SELECT min(l.waitstart) FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted), a.query_start)"
            : "a.query_start";
        return "WITH waiting AS ("
            + $"SELECT a.pid, pg_blocking_pids(a.pid) AS blockers, {waitStart} AS wait_start "
            + "FROM pg_stat_activity a WHERE a.wait_event_type = 'Lock') "
            + "SELECT count(*) FILTER (WHERE cardinality(w.blockers) > 0), "
            + "(SELECT count(DISTINCT b) FROM waiting x CROSS JOIN LATERAL unnest(x.blockers) AS b), "
            + "coalesce(extract(epoch FROM max(now() - w.wait_start) FILTER (WHERE cardinality(w.blockers) > 0)), 0)::float8 "
            + "FROM waiting w";
    }

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        _families.BeginUpdate();
        await scrape.QueryAsync(SqlFor(scrape.MajorVersion), r =>
        {
            _blocked.Set(r.Double(0) ?? 0);
            _blocking.Set(r.Double(1) ?? 0);
            _longestWait.Set(Math.Max(0, r.Double(2) ?? 0));
        }, cancellationToken).ConfigureAwait(false);
        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();
}
