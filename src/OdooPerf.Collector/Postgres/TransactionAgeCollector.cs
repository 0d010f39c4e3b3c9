using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// How long the oldest things in pg_stat_activity have been running, in seconds, 0 when there is none:
/// <list type="bullet">
/// <item><c>pg_oldest_transaction_age_seconds</c>: now − <c>xact_start</c> of the oldest open transaction,
/// whatever its state (it holds back vacuum's xmin horizon and its locks).</item>
/// <item><c>pg_oldest_idle_in_transaction_age_seconds</c>: now − <c>state_change</c> of the session that
/// has been "idle in transaction" (or "idle in transaction (aborted)") longest: the time the application
/// has been holding a transaction open without using it, which is what
/// <c>idle_in_transaction_session_timeout</c> measures.</item>
/// <item><c>pg_longest_query_age_seconds</c>: now − <c>query_start</c> of the longest-running active statement.</item>
/// </list>
/// Only client backends count (<c>backend_type = 'client backend'</c>): autovacuum workers (a long
/// anti-wraparound vacuum is not an application problem, and does not hold back other vacuums), parallel
/// workers (they duplicate their leader), WAL senders and other background processes are left out. The
/// collector's own sessions (<c>application_name = 'odooperf'</c>) are left out as well. One query; a role
/// with <c>pg_monitor</c> (<c>pg_read_all_stats</c>) sees every session's times.
/// </summary>
public sealed class TransactionAgeCollector : IPostgresCollector
{
    public const string Sql =
        "SELECT "
        + "coalesce(extract(epoch FROM max(now() - xact_start)), 0)::float8, "
        + "coalesce(extract(epoch FROM max(now() - state_change) FILTER (WHERE state IN ('idle in transaction', 'idle in transaction (aborted)'))), 0)::float8, "
        + "coalesce(extract(epoch FROM max(now() - query_start) FILTER (WHERE state = 'active')), 0)::float8 "
        + "FROM pg_stat_activity "
        + "WHERE backend_type = 'client backend' AND application_name IS DISTINCT FROM '" + PostgresConnections.ApplicationName + "'";

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _oldestTransaction;
    private readonly IScrapedFamily _oldestIdleInTransaction;
    private readonly IScrapedFamily _longestQuery;

    public TransactionAgeCollector(PostgresFamilies families)
    {
        _oldestTransaction = _families.Add(families.Gauge("pg_oldest_transaction_age_seconds", "Age of the oldest open transaction of a client session (now - xact_start), 0 when none; the collector's own sessions and background processes are not counted."));
        _oldestIdleInTransaction = _families.Add(families.Gauge("pg_oldest_idle_in_transaction_age_seconds", "Longest time a client session has been idle in transaction (now - state_change), 0 when none; the collector's own sessions are not counted."));
        _longestQuery = _families.Add(families.Gauge("pg_longest_query_age_seconds", "Age of the longest-running active statement of a client session (now - query_start), 0 when none; the collector's own sessions and background processes are not counted."));
    }

    public string Name => "transaction_age";

    public static string SqlFor(int majorVersion) => Sql;

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        _families.BeginUpdate();
        await scrape.QueryAsync(SqlFor(scrape.MajorVersion), r =>
        {
            // now() is our statement's start: a session that began after it reads slightly negative.
            _oldestTransaction.Set(NonNegative(r.Double(0)));
            _oldestIdleInTransaction.Set(NonNegative(r.Double(1)));
            _longestQuery.Set(NonNegative(r.Double(2)));
        }, cancellationToken).ConfigureAwait(false);
        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();

    private static double NonNegative(double? seconds) => Math.Max(0, seconds ?? 0);
}
