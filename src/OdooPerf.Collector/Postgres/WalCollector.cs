using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// WAL generation:
/// <list type="bullet">
/// <item><c>pg_wal_position_bytes</c>: the current WAL write position, <c>pg_current_wal_lsn() - '0/0'</c>,
/// on a primary only (absent in recovery, where that function fails). Its rate is the WAL generated per
/// second, on every supported version.</item>
/// <item>PostgreSQL 14+, from pg_stat_wal: <c>pg_stat_wal_records_total</c>, <c>pg_stat_wal_fpi_total</c>
/// (full-page images), <c>pg_stat_wal_bytes_total</c>, <c>pg_stat_wal_buffers_full_total</c>, and on 14 to
/// 17 (PostgreSQL 18 moved them to pg_stat_io) <c>pg_stat_wal_write_total</c>, <c>pg_stat_wal_sync_total</c>,
/// <c>pg_stat_wal_write_time_seconds_total</c>, <c>pg_stat_wal_sync_time_seconds_total</c> (milliseconds
/// there, seconds here; the times stay 0 unless <c>track_wal_io_timing</c> is on).</item>
/// </list>
/// One query; pg_stat_wal and pg_current_wal_lsn() are open to any role.
/// </summary>
public sealed class WalCollector : IPostgresCollector
{
    // pg_stat_wal columns of 14+, in the order the query selects them.
    private static readonly (string Column, string Metric, double Scale, string Help)[] Columns =
    [
        ("wal_records", "pg_stat_wal_records_total", 1, "Total number of WAL records generated."),
        ("wal_fpi", "pg_stat_wal_fpi_total", 1, "Total number of WAL full page images generated."),
        ("wal_bytes", "pg_stat_wal_bytes_total", 1, "Total amount of WAL generated in bytes."),
        ("wal_buffers_full", "pg_stat_wal_buffers_full_total", 1, "Number of times WAL data was written to disk because WAL buffers became full."),
    ];

    // pg_stat_wal columns of 14 to 17 only.
    private static readonly (string Column, string Metric, double Scale, string Help)[] IoColumns =
    [
        ("wal_write", "pg_stat_wal_write_total", 1, "Number of times WAL buffers were written out to disk."),
        ("wal_sync", "pg_stat_wal_sync_total", 1, "Number of times WAL files were synced to disk."),
        ("wal_write_time", "pg_stat_wal_write_time_seconds_total", 0.001, "Total time spent writing WAL buffers to disk (0 unless track_wal_io_timing is on)."),
        ("wal_sync_time", "pg_stat_wal_sync_time_seconds_total", 0.001, "Total time spent syncing WAL files to disk (0 unless track_wal_io_timing is on)."),
    ];

    private const string PositionSql = "CASE WHEN pg_is_in_recovery() THEN NULL ELSE (pg_current_wal_lsn() - '0/0'::pg_lsn)::float8 END";

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _position;
    private readonly IScrapedFamily[] _columns;
    private readonly IScrapedFamily[] _ioColumns;

    public WalCollector(PostgresFamilies families)
    {
        _position = _families.Add(families.Gauge("pg_wal_position_bytes", "Current WAL write position, pg_current_wal_lsn() - '0/0', in bytes; on a primary only."));
        _columns = [.. Columns.Select(c => _families.Add(families.Counter(c.Metric, c.Help)))];
        _ioColumns = [.. IoColumns.Select(c => _families.Add(families.Counter(c.Metric, c.Help)))];
    }

    public string Name => "wal";

    /// <summary>Whether the server has pg_stat_wal (14+).</summary>
    public static bool HasStatWal(int majorVersion) => majorVersion >= 14;

    /// <summary>Whether pg_stat_wal has the write/sync columns (14 to 17).</summary>
    public static bool HasWalIo(int majorVersion) => majorVersion is >= 14 and <= 17;

    /// <summary>The query for a server major version: the WAL position, then pg_stat_wal's columns that version has.</summary>
    public static string SqlFor(int majorVersion)
    {
        if (!HasStatWal(majorVersion))
        {
            return $"SELECT {PositionSql}";
        }

        var columns = Columns.Select(c => c.Column);
        if (HasWalIo(majorVersion))
        {
            columns = columns.Concat(IoColumns.Select(c => c.Column));
        }

        return $"SELECT {PositionSql}, {string.Join(", ", columns)} FROM pg_stat_wal";
    }

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        var version = scrape.MajorVersion;
        _families.BeginUpdate();
        await scrape.QueryAsync(SqlFor(version), r =>
        {
            if (r.Double(0) is { } position)
            {
                _position.Set(position);
            }

            if (!HasStatWal(version))
            {
                return;
            }

            var ordinal = 1;
            for (var i = 0; i < Columns.Length; i++, ordinal++)
            {
                if (r.Double(ordinal) is { } value)
                {
                    _columns[i].Set(value * Columns[i].Scale);
                }
            }

            for (var i = 0; HasWalIo(version) && i < IoColumns.Length; i++, ordinal++)
            {
                if (r.Double(ordinal) is { } value)
                {
                    _ioColumns[i].Set(value * IoColumns[i].Scale);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();
}
