namespace OdooPerf.Collector.OdooLog;

/// <summary>Which Odoo logs to follow and how their values are bounded. Bound from the <c>OdooLog</c> configuration section.</summary>
public sealed class OdooLogOptions
{
    /// <summary>
    /// Log files to follow (<c>--odoo-log</c>, repeatable): a path, a path whose file name holds <c>*</c>/<c>?</c>,
    /// or <c>journald:UNIT</c>. Empty: no log is followed.
    /// </summary>
    public List<string> Paths { get; set; } = [];

    /// <summary>Read files from their beginning the first time (<c>--odoo-log-from-start</c>); by default
    /// reading starts at the end, as <c>tail -f</c> does. A saved position always wins.</summary>
    public bool FromStart { get; set; }

    /// <summary>Where read positions are kept across restarts. Empty: <c>$STATE_DIRECTORY/odoo-log-positions.json</c>
    /// under systemd (the unit's StateDirectory), else <c>$XDG_STATE_HOME/odooperf/</c> or <c>~/.local/state/odooperf/</c>.</summary>
    public string StateFile { get; set; } = string.Empty;

    /// <summary>How often files are checked for new lines and rotation.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longer lines are skipped (and counted as unparsed) without being held in memory.</summary>
    public int MaxLineBytes { get; set; } = 64 * 1024;

    /// <summary>Directory of journal files for <c>journald:UNIT</c> sources (<c>journalctl --directory</c>); empty: the system journal.</summary>
    public string JournalDirectory { get; set; } = string.Empty;

    /// <summary>Distinct models with a label of their own; the rest read <c>other</c>.</summary>
    public int TopModels { get; set; } = 50;

    /// <summary>Distinct methods with a label of their own; the rest read <c>other</c>.</summary>
    public int TopMethods { get; set; } = 50;

    /// <summary>Distinct loggers with a label of their own in <c>odoo_log_messages_total</c>.</summary>
    public int TopLoggers { get; set; } = 100;

    /// <summary>Distinct cron jobs with a label of their own.</summary>
    public int TopCronJobs { get; set; } = 100;

    /// <summary>Distinct exception types with a label of their own in <c>odoo_tracebacks_total</c>.</summary>
    public int TopExceptions { get; set; } = 50;

    /// <summary>A model, method or logger gets its own label once seen this many times (one-off junk stays <c>other</c>).</summary>
    public int AdmitAfter { get; set; } = 3;
}
