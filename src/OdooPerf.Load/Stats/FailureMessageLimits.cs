namespace OdooPerf.Load.Stats;

/// <summary>
/// How much of the failures' messages a run keeps: each message cut to <see cref="MaxLength"/> characters on one line,
/// at most <see cref="MaxPerStep"/> distinct messages per step and <see cref="MaxPerRun"/> for the whole run. Failures
/// whose message finds no room are still counted, as "other messages" of their step and reason. A broken run that
/// fails with a new record id in every message thus costs a fixed amount of memory and report.
/// </summary>
public sealed record FailureMessageLimits
{
    /// <summary>300 characters, 10 messages per step, 100 per run: what <c>merge</c> applies too.</summary>
    public static FailureMessageLimits Default { get; } = new();

    public int MaxLength { get; init; } = 300;

    public int MaxPerStep { get; init; } = 10;

    public int MaxPerRun { get; init; } = 100;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLength, 20, nameof(MaxLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPerStep, 0, nameof(MaxPerStep));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPerRun, 0, nameof(MaxPerRun));
    }
}
