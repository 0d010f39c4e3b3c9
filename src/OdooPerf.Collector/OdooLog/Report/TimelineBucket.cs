using OdooPerf.Odoo.Logs;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>Everything the timeline shows for one interval.</summary>
internal sealed class TimelineBucket
{
    public RequestStats Requests { get; } = new();

    /// <summary>Worker limit events, indexed by <see cref="WorkerEvent"/>.</summary>
    public long[] WorkerEvents { get; } = new long[WorkerEvent.Count];

    public long Tracebacks { get; set; }

    public long CronFailures { get; set; }

    public long LoginFailures { get; set; }

    public void Add(TimelineBucket other)
    {
        Requests.Add(other.Requests);
        for (var i = 0; i < WorkerEvents.Length; i++)
        {
            WorkerEvents[i] += other.WorkerEvents[i];
        }

        Tracebacks += other.Tracebacks;
        CronFailures += other.CronFailures;
        LoginFailures += other.LoginFailures;
    }
}

/// <summary>The worker events the report counts, as indexes into per-kind arrays.</summary>
internal static class WorkerEvent
{
    public const int MemorySoft = 0;
    public const int MemoryHard = 1;
    public const int Cpu = 2;
    public const int Real = 3;
    public const int RequestLimit = 4;
    public const int Count = 5;

    /// <summary>JSON names, in index order.</summary>
    public static readonly string[] Names = ["memorySoft", "memoryHard", "cpu", "real", "requestLimit"];

    /// <summary>Human names, in index order.</summary>
    public static readonly string[] Labels = ["memory soft limit", "memory hard limit (MemoryError)", "CPU time limit", "real time limit (killed)", "request limit (recycled)"];

    /// <summary>The index of a worker limit kind; -1 for any other kind.</summary>
    public static int Of(OdooLogEntryKind kind) => kind switch
    {
        OdooLogEntryKind.WorkerMemorySoftLimit => MemorySoft,
        OdooLogEntryKind.WorkerMemoryHardLimit => MemoryHard,
        OdooLogEntryKind.WorkerCpuLimit => Cpu,
        OdooLogEntryKind.WorkerRealTimeLimit => Real,
        OdooLogEntryKind.WorkerRequestLimit => RequestLimit,
        _ => -1,
    };
}
