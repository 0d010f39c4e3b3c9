using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// pg_stat_archiver: <c>pg_stat_archiver_archived_count</c> and <c>pg_stat_archiver_failed_count</c>
/// (counters, without the <c>_total</c> suffix, as postgres_exporter names them) and
/// <c>pg_stat_archiver_last_archive_age</c> (gauge, seconds since the last WAL segment was archived).
/// </summary>
/// <remarks>
/// When no segment has ever been archived (archive_mode off, or a new cluster) the age is NaN, as
/// postgres_exporter 0.11 to 0.19 export it: the series stays, so the family is always there, and an alert
/// such as <c>last_archive_age &gt; 3600</c> does not fire on a server that does not archive.
/// (postgres_exporter 0.20 drops the series instead; both read the same in a comparison.)
/// </remarks>
public sealed class ArchiverCollector : IPostgresCollector
{
    public const string Sql = "SELECT archived_count, failed_count, EXTRACT(EPOCH FROM now() - last_archived_time)::float8 FROM pg_stat_archiver";

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _archived;
    private readonly IScrapedFamily _failed;
    private readonly IScrapedFamily _lastArchiveAge;

    public ArchiverCollector(PostgresFamilies families)
    {
        _archived = _families.Add(families.Counter("pg_stat_archiver_archived_count", "Number of WAL files that have been successfully archived"));
        _failed = _families.Add(families.Counter("pg_stat_archiver_failed_count", "Number of failed attempts for archiving WAL files"));
        _lastArchiveAge = _families.Add(families.Gauge("pg_stat_archiver_last_archive_age", "Time in seconds since last WAL segment was successfully archived"));
    }

    public string Name => "stat_archiver";

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        _families.BeginUpdate();
        await scrape.QueryAsync(Sql, r =>
        {
            _archived.Set(r.Double(0) ?? 0);
            _failed.Set(r.Double(1) ?? 0);
            _lastArchiveAge.Set(r.Double(2) ?? double.NaN);
        }, cancellationToken).ConfigureAwait(false);
        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();
}
