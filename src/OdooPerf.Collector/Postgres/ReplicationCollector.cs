using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.Postgres;

/// <summary>
/// Replication, with postgres_exporter's names, labels and types (all gauges):
/// <list type="bullet">
/// <item><c>pg_replication_lag_seconds</c>, <c>pg_replication_is_replica</c>, <c>pg_replication_last_replay_seconds</c>: this server's side.</item>
/// <item><c>pg_stat_replication_pg_current_wal_lsn_bytes</c>, <c>pg_stat_replication_pg_wal_lsn_diff</c>,
/// <c>pg_stat_replication_reply_time</c>{application_name,client_addr,state,slot_name}: one series per WAL sender (a standby, pg_receivewal).</item>
/// <item><c>pg_replication_slot_slot_current_wal_lsn</c>, <c>_slot_confirmed_flush_lsn</c>, <c>_slot_is_active</c>,
/// <c>_safe_wal_size_bytes</c>{slot_name,slot_type} and <c>pg_replication_slot_wal_status</c>{slot_name,slot_type,wal_status}: per slot.</item>
/// <item><c>pg_replication_slots_active</c>, <c>pg_replication_slots_pg_wal_lsn_diff</c>{slot_name,database}: the older per-slot pair postgres_exporter still exports.</item>
/// </list>
/// On a primary without standbys or slots only the first three exist.
/// </summary>
/// <remarks>
/// Deliberate differences: pg_stat_replication's <c>slot_name</c> is the slot the sender really uses (as
/// upstream 0.20; before, a quirk filled it with the sender's pid); <c>client_addr</c> is written without
/// a /32 mask, as 0.11 to 0.19 wrote it; <c>reply_time</c> (Unix time), which 0.12 to 0.19 exported
/// untyped by accident of their generic column mapping, is kept as a gauge. A NULL (an LSN a standby has
/// not reported yet) gives no sample instead of upstream's 0.
/// </remarks>
public sealed class ReplicationCollector : IPostgresCollector
{
    /// <summary>Lag is 0 on a primary and on a standby that has replayed everything it received, as upstream.</summary>
    public const string ReplicationSql = """
        SELECT
            CASE
                WHEN NOT pg_is_in_recovery() THEN 0
                WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                ELSE GREATEST(0, EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()))::float8
            END,
            CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END,
            GREATEST(0, EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()))::float8
        """;

    // The WAL position this server is at: what it received when a standby (a cascading sender), what it
    // wrote when a primary.
    private const string CurrentLsn = "(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn() ELSE pg_current_wal_lsn() END)";

    private readonly ScrapedFamilySet _families = new();
    private readonly IScrapedFamily _lag;
    private readonly IScrapedFamily _isReplica;
    private readonly IScrapedFamily _lastReplay;
    private readonly IScrapedFamily _senderLsn;
    private readonly IScrapedFamily _senderLsnDiff;
    private readonly IScrapedFamily _senderReplyTime;
    private readonly IScrapedFamily _slotCurrentLsn;
    private readonly IScrapedFamily _slotConfirmedFlushLsn;
    private readonly IScrapedFamily _slotIsActive;
    private readonly IScrapedFamily _slotSafeWalSize;
    private readonly IScrapedFamily _slotWalStatus;
    private readonly IScrapedFamily _slotsActive;
    private readonly IScrapedFamily _slotsLsnDiff;

    public ReplicationCollector(PostgresFamilies families)
    {
        _lag = _families.Add(families.Gauge("pg_replication_lag_seconds", "Replication lag behind master in seconds"));
        _isReplica = _families.Add(families.Gauge("pg_replication_is_replica", "Indicates if the server is a replica"));
        _lastReplay = _families.Add(families.Gauge("pg_replication_last_replay_seconds", "Age of last replay in seconds"));

        string[] sender = ["application_name", "client_addr", "state", "slot_name"];
        _senderLsn = _families.Add(families.Gauge("pg_stat_replication_pg_current_wal_lsn_bytes", "WAL position in bytes", sender));
        _senderLsnDiff = _families.Add(families.Gauge("pg_stat_replication_pg_wal_lsn_diff", "Lag in bytes between master and slave", sender));
        _senderReplyTime = _families.Add(families.Gauge("pg_stat_replication_reply_time", "Send time of last reply message received from standby server", sender));

        string[] slot = ["slot_name", "slot_type"];
        _slotCurrentLsn = _families.Add(families.Gauge("pg_replication_slot_slot_current_wal_lsn", "current wal lsn value", slot));
        _slotConfirmedFlushLsn = _families.Add(families.Gauge("pg_replication_slot_slot_confirmed_flush_lsn", "last lsn confirmed flushed to the replication slot", slot));
        _slotIsActive = _families.Add(families.Gauge("pg_replication_slot_slot_is_active", "whether the replication slot is active or not", slot));
        _slotSafeWalSize = _families.Add(families.Gauge("pg_replication_slot_safe_wal_size_bytes", "number of bytes that can be written to WAL such that this slot is not in danger of getting in state lost", slot));
        _slotWalStatus = _families.Add(families.Gauge("pg_replication_slot_wal_status", "availability of WAL files claimed by this slot", [.. slot, "wal_status"]));

        string[] slots = ["slot_name", "database"];
        _slotsActive = _families.Add(families.Gauge("pg_replication_slots_active", "Flag indicating if the slot is active", slots));
        _slotsLsnDiff = _families.Add(families.Gauge("pg_replication_slots_pg_wal_lsn_diff", "Replication lag in bytes", slots));
    }

    public string Name => "replication";

    /// <summary>
    /// One row per WAL sender, with the slot it streams from (pg_stat_replication has no slot column). The
    /// same for 12 to 17 (reply_time exists from 12).
    /// </summary>
    public static string StatReplicationSql(int majorVersion) => $"""
        SELECT r.application_name, host(r.client_addr), r.state, s.slot_name,
               pg_wal_lsn_diff({CurrentLsn}, '0/0')::float8,
               pg_wal_lsn_diff({CurrentLsn}, r.replay_lsn)::float8,
               r.reply_time
        FROM pg_stat_replication r
        LEFT JOIN pg_replication_slots s ON s.active_pid = r.pid
        """;

    /// <summary>One row per slot; <c>safe_wal_size</c> and <c>wal_status</c> from 13, where they appeared.</summary>
    public static string SlotsSql(int majorVersion) => $"""
        SELECT slot_name, slot_type, database, active,
               pg_wal_lsn_diff({CurrentLsn}, '0/0')::float8,
               pg_wal_lsn_diff(COALESCE(confirmed_flush_lsn, '0/0'), '0/0')::float8,
               pg_wal_lsn_diff({CurrentLsn}, restart_lsn)::float8{(majorVersion >= 13 ? ",\n       safe_wal_size, wal_status" : string.Empty)}
        FROM pg_replication_slots
        """;

    public async Task CollectAsync(PostgresScrape scrape, CancellationToken cancellationToken)
    {
        _families.BeginUpdate();
        await scrape.QueryAsync(ReplicationSql, r =>
        {
            _lag.Set(r.Double(0) ?? 0);
            _isReplica.Set(r.Double(1) ?? 0);
            _lastReplay.Set(r.Double(2) ?? 0);
        }, cancellationToken).ConfigureAwait(false);

        await scrape.QueryAsync(StatReplicationSql(scrape.MajorVersion), r =>
        {
            string[] labels = [r.Text(0), r.Text(1), r.Text(2), r.Text(3)];
            SetIfPresent(_senderLsn, r.Double(4), labels);
            SetIfPresent(_senderLsnDiff, r.Double(5), labels);
            SetIfPresent(_senderReplyTime, r.Double(6), labels);
        }, cancellationToken).ConfigureAwait(false);

        var withWalStatus = scrape.MajorVersion >= 13;
        await scrape.QueryAsync(SlotsSql(scrape.MajorVersion), r =>
        {
            string[] slot = [r.Text(0), r.Text(1)];
            string[] slots = [r.Text(0), r.Text(2)];
            var active = r.Double(3) ?? 0;
            SetIfPresent(_slotCurrentLsn, r.Double(4), slot);

            // Only an active slot's confirmed position means something, as upstream.
            if (active == 1)
            {
                SetIfPresent(_slotConfirmedFlushLsn, r.Double(5), slot);
            }

            _slotIsActive.Set(active, slot);
            _slotsActive.Set(active, slots);
            SetIfPresent(_slotsLsnDiff, r.Double(6), slots);
            if (withWalStatus)
            {
                SetIfPresent(_slotSafeWalSize, r.Double(7), slot);
                if (!r.IsDBNull(8))
                {
                    _slotWalStatus.Set(1, [.. slot, r.Text(8)]);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        _families.EndUpdate();
    }

    public void Clear() => _families.Clear();

    private static void SetIfPresent(IScrapedFamily family, double? value, string[] labels)
    {
        if (value is { } v)
        {
            family.Set(v, labels);
        }
    }
}
