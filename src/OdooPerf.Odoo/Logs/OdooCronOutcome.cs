namespace OdooPerf.Odoo.Logs;

/// <summary>What a cron line means for counting runs (see <see cref="OdooCronRunTracker"/>).</summary>
public enum OdooCronOutcome : byte
{
    /// <summary>Nothing to count: not a cron line, or the second line of a failure already counted.</summary>
    None = 0,
    Started,
    Done,
    Failed,
}
