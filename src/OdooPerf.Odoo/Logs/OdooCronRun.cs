namespace OdooPerf.Odoo.Logs;

/// <summary>One cron line, as <see cref="OdooCronRunTracker.Observe"/> reads it.</summary>
public readonly ref struct OdooCronRun
{
    public OdooCronRun(OdooCronOutcome outcome, ReadOnlySpan<byte> job, double seconds)
    {
        Outcome = outcome;
        Job = job;
        Seconds = seconds;
    }

    public OdooCronOutcome Outcome { get; }

    /// <summary>The job's name: from the line, or from the start line of the same process when the line names
    /// none; empty when neither does. Valid until the next call to the tracker.</summary>
    public ReadOnlySpan<byte> Job { get; }

    /// <summary>The run's duration for <see cref="OdooCronOutcome.Done"/> and <see cref="OdooCronOutcome.Failed"/>:
    /// as logged (17+), else from the same process's start line; <see cref="double.NaN"/> when unknown.</summary>
    public double Seconds { get; }
}
