namespace OdooPerf.Load.Thresholds;

/// <summary>
/// The process exit codes of a load run, the contract CI pipelines script against. Thresholds decide between
/// <see cref="Success"/> and <see cref="ThresholdFailed"/>; the command line owns the other two.
/// </summary>
public static class ExitCodes
{
    /// <summary>The run completed and every threshold passed (or none was declared).</summary>
    public const int Success = 0;

    /// <summary>The run completed (or was aborted on fail) and at least one threshold failed.</summary>
    public const int ThresholdFailed = 1;

    /// <summary>Bad usage: an unknown option, a malformed threshold (<see cref="ThresholdSyntaxException"/>), a bad value.</summary>
    public const int BadUsage = 2;

    /// <summary>The run could not start, e.g. the target was unreachable.</summary>
    public const int CouldNotStart = 3;
}
