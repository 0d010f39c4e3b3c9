namespace OdooPerf.Load.Thresholds;

/// <summary>The verdicts of all thresholds of a run, and what they mean for the exit code.</summary>
public sealed record ThresholdResult(IReadOnlyList<ThresholdVerdict> Verdicts)
{
    /// <summary>True when no threshold failed (not-applicable ones do not fail; no thresholds at all pass).</summary>
    public bool AllPassed => Verdicts.All(v => !v.Failed);

    public IEnumerable<ThresholdVerdict> Failures => Verdicts.Where(v => v.Failed);

    /// <summary><see cref="ExitCodes.Success"/> when all passed, otherwise <see cref="ExitCodes.ThresholdFailed"/>.</summary>
    public int ExitCode => AllPassed ? ExitCodes.Success : ExitCodes.ThresholdFailed;
}
