using System.Text;
using OdooPerf.Odoo.Logs;
using Xunit;

namespace OdooPerf.Odoo.Tests.Logs;

public sealed class OdooCronRunTrackerTests
{
    private static readonly DateTime T = new(2024, 3, 5, 8, 0, 0);
    private readonly OdooCronRunTracker _tracker = new();

    [Fact]
    public void A_done_line_without_duration_is_timed_from_the_same_process_start()
    {
        Assert.Equal((OdooCronOutcome.Started, "A", double.NaN), Observe(OdooLogEntryKind.CronStarted, 7, "A", T));
        Assert.Equal((OdooCronOutcome.Started, "B", double.NaN), Observe(OdooLogEntryKind.CronStarted, 8, "B", T.AddSeconds(1)));

        Assert.Equal((OdooCronOutcome.Done, "A", 4.0), Observe(OdooLogEntryKind.CronDone, 7, "A", T.AddSeconds(4)));
        // A logged duration wins over the computed one.
        Assert.Equal((OdooCronOutcome.Done, "B", 1.5), Observe(OdooLogEntryKind.CronDone, 8, "B", T.AddSeconds(9), 1.5));
        // No start seen: no duration.
        Assert.Equal((OdooCronOutcome.Done, "C", double.NaN), Observe(OdooLogEntryKind.CronDone, 9, "C", T));
    }

    [Fact]
    public void A_failure_line_without_a_name_takes_the_job_of_the_start_line()
    {
        Observe(OdooLogEntryKind.CronStarted, 7, "Procurement", T);

        Assert.Equal((OdooCronOutcome.Failed, "Procurement", 60.0), Observe(OdooLogEntryKind.CronFailed, 7, "", T.AddMinutes(1)));
    }

    [Fact]
    public void Odoo_19s_two_lines_of_one_failure_count_once_and_the_next_run_counts_again()
    {
        Observe(OdooLogEntryKind.CronStarted, 7, "D", T);
        Assert.Equal(OdooCronOutcome.Failed, Observe(OdooLogEntryKind.CronFailed, 7, "D", T.AddSeconds(3)).Outcome);
        Assert.Equal(OdooCronOutcome.None, Observe(OdooLogEntryKind.CronFailed, 7, "D", T.AddSeconds(3), 3.01).Outcome);

        Observe(OdooLogEntryKind.CronStarted, 7, "D", T.AddMinutes(1));
        Assert.Equal(OdooCronOutcome.Failed, Observe(OdooLogEntryKind.CronFailed, 7, "D", T.AddMinutes(1).AddSeconds(1), 1.0).Outcome);
        // Another job failing on the same process is its own failure.
        Assert.Equal(OdooCronOutcome.Failed, Observe(OdooLogEntryKind.CronFailed, 7, "E", T.AddMinutes(2)).Outcome);
    }

    [Fact]
    public void Other_kinds_mean_nothing_and_memory_stays_bounded()
    {
        Assert.Equal(OdooCronOutcome.None, Observe(OdooLogEntryKind.Request, 7, "A", T).Outcome);
        for (var pid = 0; pid < OdooCronRunTracker.MaxProcesses * 3; pid++)
        {
            Observe(OdooLogEntryKind.CronStarted, pid, "A", T);
        }

        // The last process's start is still known after the table was cleared on the way.
        Assert.Equal(5.0, Observe(OdooLogEntryKind.CronDone, (OdooCronRunTracker.MaxProcesses * 3) - 1, "A", T.AddSeconds(5)).Seconds);
    }

    private (OdooCronOutcome Outcome, string Job, double Seconds) Observe(OdooLogEntryKind kind, int pid, string job, DateTime at, double seconds = double.NaN)
    {
        var run = _tracker.Observe(kind, pid, Encoding.UTF8.GetBytes(job), at, seconds);
        return (run.Outcome, Encoding.UTF8.GetString(run.Job), run.Seconds);
    }
}
