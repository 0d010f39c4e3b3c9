using System.Globalization;
using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// postgres_exporter's pg_stat_statements families, same names, label names and types, all counters:
/// <c>pg_stat_statements_calls_total</c>, <c>_seconds_total</c> (execution time), <c>_rows_total</c>,
/// <c>_block_read_seconds_total</c> and <c>_block_write_seconds_total</c>, labelled
/// <c>{user,datname,queryid}</c>, for the <see cref="PostgresOptions.TopStatements"/> statements with the most
/// execution time. The query text is never read, let alone put in a label.
/// <para>
/// Only when the extension is installed in the connected database (pg_stat_statements sees every database
/// of the server from there); without it nothing is published and nothing fails. The columns follow the
/// installed extension's version, which is the server's default one unless the extension was not updated
/// after an upgrade: <c>total_time</c> before 1.8 (PostgreSQL 12), <c>total_exec_time</c> from 1.8
/// (PostgreSQL 13), <c>shared_blk_read_time</c> / <c>shared_blk_write_time</c> from 1.11 (PostgreSQL 17),
/// <c>blk_read_time</c> / <c>blk_write_time</c> before.
/// </para>
/// <para>
/// Differences from postgres_exporter, deliberate: rows are summed per (user, database, queryid), since
/// PostgreSQL 14 can keep a top-level and a nested row for the same statement (postgres_exporter then emits
/// the same series twice); statements without a queryid (another role's, seen without
/// <c>pg_read_all_stats</c>) are left out; the top N is taken by total execution time without
/// postgres_exporter's 10th-percentile filter; and the function <c>pg_stat_statements(false)</c> is read
/// instead of the view, so the server does not load the query texts file at every scrape. The collector's
/// own statements are kept: they show what monitoring costs.
/// </para>
/// Two queries per scrape (the extension check, then the statements), on the scrape's connection.
/// </summary>
public sealed class StatStatementsCollector : IPostgresCollector
{
    private static readonly string[] Labels = ["user", "datname", "queryid"];

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _calls;
    private readonly IScrapedFamily _seconds;
    private readonly IScrapedFamily _rows;
    private readonly IScrapedFamily _blockReadSeconds;
    private readonly IScrapedFamily _blockWriteSeconds;
    private readonly PostgresOptions _options;

    public StatStatementsCollector(PostgresFamilies families, PostgresOptions options)
    {
        _options = options;
        _calls = _families.Add(families.Counter("pg_stat_statements_calls_total", "Number of times executed", Labels));
        _seconds = _families.Add(families.Counter("pg_stat_statements_seconds_total", "Total time spent in the statement, in seconds", Labels));
        _rows = _families.Add(families.Counter("pg_stat_statements_rows_total", "Total number of rows retrieved or affected by the statement", Labels));
        _blockReadSeconds = _families.Add(families.Counter("pg_stat_statements_block_read_seconds_total", "Total time the statement spent reading blocks, in seconds", Labels));
        _blockWriteSeconds = _families.Add(families.Counter("pg_stat_statements_block_write_seconds_total", "Total time the statement spent writing blocks, in seconds", Labels));
    }

    public string Name => "stat_statements";

    /// <summary>The installed extension's version and schema; no row when it is not installed in this database.</summary>
    public const string ExtensionSql =
        "SELECT e.extversion, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'";

    /// <summary>The extension version PostgreSQL <paramref name="majorVersion"/> installs by default.</summary>
    public static Version DefaultExtensionVersion(int majorVersion) => majorVersion switch
    {
        <= 12 => new Version(1, 7),
        13 => new Version(1, 8),
        14 => new Version(1, 9),
        15 or 16 => new Version(1, 10),
        _ => new Version(1, 11),
    };

    /// <summary>The statements query for a server major version with its default extension version, in schema public.</summary>
    public static string StatementsSqlFor(int majorVersion, int limit) =>
        StatementsSqlFor(DefaultExtensionVersion(majorVersion), "public", limit);

    /// <summary>
    /// The statements query for an installed extension version: the <paramref name="limit"/> (user, database,
    /// queryid) with the most execution time, in seconds; no query text.
    /// </summary>
    public static string StatementsSqlFor(Version extensionVersion, string schema, int limit)
    {
        var execTime = extensionVersion >= new Version(1, 8) ? "total_exec_time" : "total_time";
        var (readTime, writeTime) = extensionVersion >= new Version(1, 11)
            ? ("shared_blk_read_time", "shared_blk_write_time")
            : ("blk_read_time", "blk_write_time");
        return "SELECT pg_get_userbyid(s.userid), d.datname, s.queryid, sum(s.calls)::float8, "
            + $"sum(s.{execTime})::float8 / 1000 AS seconds, sum(s.rows)::float8, sum(s.{readTime})::float8 / 1000, sum(s.{writeTime})::float8 / 1000 "
            + $"FROM {QuoteIdentifier(schema)}.pg_stat_statements(false) s JOIN pg_database d ON d.oid = s.dbid "
            + "WHERE s.queryid IS NOT NULL "
            + "GROUP BY s.userid, d.datname, s.queryid "
            + "ORDER BY seconds DESC, s.queryid LIMIT " + Math.Max(1, limit).ToString(CultureInfo.InvariantCulture);
    }

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        string? version = null;
        string? schema = null;
        await scrape.QueryAsync(ExtensionSql, r =>
        {
            version = r.Text(0);
            schema = r.Text(1);
        }, cancellationToken).ConfigureAwait(false);

        _families.BeginUpdate();
        if (schema is not null)
        {
            var extensionVersion = ParseVersion(version, scrape.MajorVersion);
            await scrape.QueryAsync(StatementsSqlFor(extensionVersion, schema, _options.TopStatements), r =>
            {
                string[] labels = [r.Text(0), r.Text(1), r.Text(2)];
                _calls.Set(r.Double(3) ?? 0, labels);
                _seconds.Set(r.Double(4) ?? 0, labels);
                _rows.Set(r.Double(5) ?? 0, labels);
                _blockReadSeconds.Set(r.Double(6) ?? 0, labels);
                _blockWriteSeconds.Set(r.Double(7) ?? 0, labels);
            }, cancellationToken).ConfigureAwait(false);
        }

        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();

    /// <summary>pg_extension.extversion ("1.10") as a version; the server's default one when unreadable.</summary>
    public static Version ParseVersion(string? extversion, int majorVersion) =>
        Version.TryParse(extversion, out var parsed) ? parsed : DefaultExtensionVersion(majorVersion);

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
