using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// Temporary files on disk right now (sorts, hashes and materialised cursors that outgrew
/// <c>work_mem</c>), from <c>pg_ls_tmpdir()</c> over every tablespace:
/// <list type="bullet">
/// <item><c>pg_temp_files_current</c>: how many there are.</item>
/// <item><c>pg_temp_files_current_bytes</c>: their total size.</item>
/// </list>
/// What has been written over time is already <c>pg_stat_database_temp_files</c> / <c>_temp_bytes</c>;
/// this is the current usage, the one that fills a disk. <c>pg_ls_tmpdir</c> lists the regular files of
/// each tablespace's <c>pgsql_tmp</c> directory: the files that parallel queries share live in
/// subdirectories and are not counted. The function is open to superusers and <c>pg_monitor</c> (12+);
/// for another role the families are absent and nothing fails (the collector checks the privilege
/// first, so the server logs no permission error either). One query per scrape; the privilege check is
/// one more, on the first scrape, then every <see cref="PrivilegeRecheckInterval"/> and after a failure.
/// (The count is not named <c>_count</c>, a suffix Prometheus reserves for histograms and summaries.)
/// </summary>
public sealed class TempFilesCollector : IPostgresCollector
{
    public const string PrivilegeSql = "SELECT has_function_privilege('pg_catalog.pg_ls_tmpdir(oid)', 'EXECUTE')";

    // pg_global's temporary directory would be the default one again (TempTablespacePath), so it is skipped.
    public const string Sql =
        "SELECT count(f.name)::float8, coalesce(sum(f.size), 0)::float8 "
        + "FROM pg_tablespace t CROSS JOIN LATERAL pg_ls_tmpdir(t.oid) AS f WHERE t.spcname <> 'pg_global'";

    /// <summary>How long a privilege check holds: a role granted or revoked pg_monitor is noticed within this.</summary>
    public static readonly TimeSpan PrivilegeRecheckInterval = TimeSpan.FromMinutes(5);

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _files;
    private readonly IScrapedFamily _bytes;
    private readonly TimeProvider _time;
    private bool? _permitted;
    private long _checkedAt;

    public TempFilesCollector(PostgresFamilies families, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _files = _families.Add(families.Gauge("pg_temp_files_current", "Temporary files currently in the tablespaces' pgsql_tmp directories (pg_ls_tmpdir)."));
        _bytes = _families.Add(families.Gauge("pg_temp_files_current_bytes", "Total size of the temporary files currently in the tablespaces' pgsql_tmp directories (pg_ls_tmpdir)."));
    }

    public string Name => "temp_files";

    public static string SqlFor(int majorVersion) => Sql;

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        if (_permitted is null || _time.GetElapsedTime(_checkedAt) >= PrivilegeRecheckInterval)
        {
            var permitted = false;
            await scrape.QueryAsync(PrivilegeSql, r => permitted = r.GetBoolean(0), cancellationToken).ConfigureAwait(false);
            _permitted = permitted;
            _checkedAt = _time.GetTimestamp();
        }

        _families.BeginUpdate();
        if (_permitted == true)
        {
            await scrape.QueryAsync(SqlFor(scrape.MajorVersion), r =>
            {
                _files.Set(r.Double(0) ?? 0);
                _bytes.Set(r.Double(1) ?? 0);
            }, cancellationToken).ConfigureAwait(false);
        }

        _families.EndUpdate();
    }

    /// <summary>Removes the series and forgets the privilege, so the next scrape checks it again.</summary>
    public void Clear()
    {
        _families.Clear();
        _permitted = null;
    }
}
