namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>One cron job's runs.</summary>
internal sealed class CronStats
{
    public string Job { get; set; } = "other";

    public long Started { get; set; }

    public long Done { get; set; }

    public long Failed { get; set; }

    /// <summary>Runs whose duration is known (logged by Odoo 17+, or measured from the start line on the same worker).</summary>
    public long TimedRuns { get; private set; }

    public double TotalSeconds { get; private set; }

    public double MaxSeconds { get; private set; }

    public DateTime LastSeen { get; set; }

    public void RecordDuration(double seconds)
    {
        TimedRuns++;
        TotalSeconds += seconds;
        MaxSeconds = Math.Max(MaxSeconds, seconds);
    }
}
