namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>Follows one configured source (a file, a glob, a journald unit) until cancelled.</summary>
public interface ILogFollower
{
    /// <summary>The source as configured: a path, a glob, or <c>journald:UNIT</c>.</summary>
    string Source { get; }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires; never fails on I/O errors (they are logged and retried).</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Adds the status of every source read (one per file a glob matches) to <paramref name="into"/>. Thread-safe.</summary>
    void CollectStatuses(ICollection<LogSourceStatus> into);
}
