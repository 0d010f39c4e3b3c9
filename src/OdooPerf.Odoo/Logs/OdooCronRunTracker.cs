namespace OdooPerf.Odoo.Logs;

/// <summary>
/// Pairs the cron lines of each process into runs, for every consumer that counts them (live metrics, the
/// offline report). A cron worker runs one job at a time, so a process's start line times its done line
/// on versions that log no duration (14-16) and names the job of a failure line that does not (16's
/// <c>Call from cron ... failed</c>). Odoo 19 logs a failed run on two lines (<c>server action #N failed</c>
/// with the traceback, then <c>failed (#loop ...)</c>): the second is not a second failure. Memory is
/// bounded: at most <see cref="MaxProcesses"/> processes are remembered (a process killed mid-run leaves
/// its start behind).
/// </summary>
public sealed class OdooCronRunTracker
{
    public const int MaxProcesses = 1024;

    private readonly Dictionary<int, LastRun> _runs = [];

    /// <summary>Reads one entry's fields; anything but the three cron kinds is <see cref="OdooCronOutcome.None"/>.</summary>
    public OdooCronRun Observe(OdooLogEntryKind kind, int pid, ReadOnlySpan<byte> subject, DateTime timestamp, double seconds)
    {
        if (kind == OdooLogEntryKind.CronStarted)
        {
            Remember(pid, new LastRun(subject.ToArray(), timestamp, Failed: false));
            return new OdooCronRun(OdooCronOutcome.Started, subject, double.NaN);
        }

        if (kind is not (OdooLogEntryKind.CronDone or OdooLogEntryKind.CronFailed))
        {
            return default;
        }

        var last = _runs.GetValueOrDefault(pid);
        var sameJob = last is not null && (subject.IsEmpty || subject.SequenceEqual(last.Job));
        var job = subject.IsEmpty && last is not null ? last.Job : subject;
        var failed = kind == OdooLogEntryKind.CronFailed;
        if (failed && sameJob && last!.Failed)
        {
            return default;
        }

        if (double.IsNaN(seconds) && sameJob && !last!.Failed && timestamp >= last.Started)
        {
            seconds = (timestamp - last.Started).TotalSeconds;
        }

        if (failed)
        {
            Remember(pid, new LastRun(job.ToArray(), timestamp, Failed: true));
            return new OdooCronRun(OdooCronOutcome.Failed, _runs[pid].Job, seconds);
        }

        _runs.Remove(pid);
        return new OdooCronRun(OdooCronOutcome.Done, job, seconds);
    }

    private void Remember(int pid, LastRun run)
    {
        if (_runs.Count >= MaxProcesses && !_runs.ContainsKey(pid))
        {
            _runs.Clear();
        }

        _runs[pid] = run;
    }

    /// <summary>A process's last cron start, or its last failure (until its next start).</summary>
    private sealed record LastRun(byte[] Job, DateTime Started, bool Failed);
}
