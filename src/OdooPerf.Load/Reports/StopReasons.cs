using OdooPerf.Load.Running;

namespace OdooPerf.Load.Reports;

/// <summary>How report.json writes a <see cref="Running.StopReason"/>, and what the reports say about it.</summary>
public static class StopReasons
{
    public const string Completed = "completed";
    public const string MaxDuration = "max-duration";
    public const string Interrupted = "interrupted";
    public const string ThresholdAborted = "threshold-aborted";

    public static string ToText(StopReason reason) => reason switch
    {
        StopReason.Completed => Completed,
        StopReason.MaxDuration => MaxDuration,
        StopReason.Interrupted => Interrupted,
        StopReason.ThresholdAborted => ThresholdAborted,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static bool IsKnown(string text) => text is Completed or MaxDuration or Interrupted or ThresholdAborted;

    /// <summary>Why an incomplete run stopped, for the banner of the Markdown and HTML reports.</summary>
    public static string Explain(string text) => text switch
    {
        Completed => "every phase ran to its end",
        MaxDuration => "--max-duration cut the phases short",
        Interrupted => "the run was interrupted (Ctrl-C, SIGTERM or cancellation)",
        ThresholdAborted => "a threshold watched with abort-on-fail failed during the run",
        _ => text,
    };
}
