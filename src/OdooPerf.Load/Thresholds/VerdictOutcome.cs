namespace OdooPerf.Load.Thresholds;

/// <summary>The outcome of judging one threshold.</summary>
public enum VerdictOutcome
{
    Passed,
    Failed,

    /// <summary>
    /// Could not be judged and does not fail the run: only a regression threshold whose scope exists in this
    /// run but not in the baseline (a new step has nothing to regress from). A scope missing from the run
    /// itself is <see cref="Failed"/>, so a typo never passes silently.
    /// </summary>
    NotApplicable,
}
