namespace OdooPerf.Load.Running;

/// <summary>Why a run ended. Only <see cref="Completed"/> is a complete run; reports mark the others incomplete.</summary>
public enum StopReason
{
    /// <summary>Every phase of every scenario ran to its end.</summary>
    Completed,

    /// <summary><c>--max-duration</c> cut the phases short.</summary>
    MaxDuration,

    /// <summary>Ctrl-C, SIGTERM or the caller's cancellation token.</summary>
    Interrupted,

    /// <summary>A threshold watched with abort-on-fail failed during the run.</summary>
    ThresholdAborted,
}
