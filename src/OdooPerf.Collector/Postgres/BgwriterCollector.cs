using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// pg_stat_bgwriter: the <c>pg_stat_bgwriter_*_total</c> counters with postgres_exporter's names, help and
/// units (times stay in milliseconds, <c>stats_reset_total</c> is a Unix time, as upstream).
/// </summary>
/// <remarks>
/// PostgreSQL 17 moved the checkpoint columns to pg_stat_checkpointer. postgres_exporter then stops
/// exporting the checkpoint series under these names; we keep filling them from pg_stat_checkpointer so
/// that dashboards and alerts built on <c>pg_stat_bgwriter_checkpoints_req_total</c> keep working:
/// checkpoints_timed ← num_timed, checkpoints_req ← num_requested, checkpoint_write_time ← write_time,
/// checkpoint_sync_time ← sync_time, buffers_checkpoint ← buffers_written. From 17 on there is no
/// <c>buffers_backend_total</c> nor <c>buffers_backend_fsync_total</c>: PostgreSQL no longer counts them
/// there (backend writes and fsyncs are in pg_stat_io), and a series that would always be 0 would lie.
/// </remarks>
public sealed class BgwriterCollector : IPostgresCollector
{
    // Metric, help, and the SQL expression that reads it before 17 (from b = pg_stat_bgwriter) and from
    // 17 on (b, and c = pg_stat_checkpointer); null where that version has no such value.
    private static readonly (string Metric, string Help, string Before17, string? From17)[] Columns =
    [
        ("pg_stat_bgwriter_checkpoints_timed_total", "Number of scheduled checkpoints that have been performed", "b.checkpoints_timed", "c.num_timed"),
        ("pg_stat_bgwriter_checkpoints_req_total", "Number of requested checkpoints that have been performed", "b.checkpoints_req", "c.num_requested"),
        ("pg_stat_bgwriter_checkpoint_write_time_total", "Total amount of time that has been spent in the portion of checkpoint processing where files are written to disk, in milliseconds", "b.checkpoint_write_time", "c.write_time"),
        ("pg_stat_bgwriter_checkpoint_sync_time_total", "Total amount of time that has been spent in the portion of checkpoint processing where files are synchronized to disk, in milliseconds", "b.checkpoint_sync_time", "c.sync_time"),
        ("pg_stat_bgwriter_buffers_checkpoint_total", "Number of buffers written during checkpoints", "b.buffers_checkpoint", "c.buffers_written"),
        ("pg_stat_bgwriter_buffers_clean_total", "Number of buffers written by the background writer", "b.buffers_clean", "b.buffers_clean"),
        ("pg_stat_bgwriter_maxwritten_clean_total", "Number of times the background writer stopped a cleaning scan because it had written too many buffers", "b.maxwritten_clean", "b.maxwritten_clean"),
        ("pg_stat_bgwriter_buffers_backend_total", "Number of buffers written directly by a backend", "b.buffers_backend", null),
        ("pg_stat_bgwriter_buffers_backend_fsync_total", "Number of times a backend had to execute its own fsync call (normally the background writer handles those even when the backend does its own write)", "b.buffers_backend_fsync", null),
        ("pg_stat_bgwriter_buffers_alloc_total", "Number of buffers allocated", "b.buffers_alloc", "b.buffers_alloc"),

        // On 17 the series mixes two views, each reset on its own: the later reset is the one that explains
        // a drop of any of them.
        ("pg_stat_bgwriter_stats_reset_total", "Time at which these statistics were last reset", "b.stats_reset", "GREATEST(c.stats_reset, b.stats_reset)"),
    ];

    private static readonly int StatsReset = Columns.Length - 1;

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily[] _columns;

    public BgwriterCollector(PostgresFamilies families)
    {
        _columns = [.. Columns.Select(c => _families.Add(families.Counter(c.Metric, c.Help)))];
    }

    public string Name => "stat_bgwriter";

    /// <summary>The query for a server major version: pg_stat_bgwriter alone before 17, joined to pg_stat_checkpointer from 17.</summary>
    public static string Sql(int majorVersion) => majorVersion >= 17
        ? $"SELECT {string.Join(", ", Columns.Where(c => c.From17 is not null).Select(c => c.From17))} FROM pg_stat_checkpointer c CROSS JOIN pg_stat_bgwriter b"
        : $"SELECT {string.Join(", ", Columns.Select(c => c.Before17))} FROM pg_stat_bgwriter b";

    /// <summary>The metric names a server major version exports, in the order <see cref="Sql"/> selects them.</summary>
    public static IReadOnlyList<string> Metrics(int majorVersion) =>
        [.. Columns.Where(c => majorVersion < 17 || c.From17 is not null).Select(c => c.Metric)];

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        var present = Enumerable.Range(0, Columns.Length).Where(i => scrape.MajorVersion < 17 || Columns[i].From17 is not null).ToArray();
        _families.BeginUpdate();
        await scrape.QueryAsync(Sql(scrape.MajorVersion), r =>
        {
            for (var ordinal = 0; ordinal < present.Length; ordinal++)
            {
                if (r.Double(ordinal) is { } value)
                {
                    var column = present[ordinal];

                    // Whole seconds for stats_reset, as upstream's time.Unix().
                    _columns[column].Set(column == StatsReset ? Math.Floor(value) : value);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();
}
