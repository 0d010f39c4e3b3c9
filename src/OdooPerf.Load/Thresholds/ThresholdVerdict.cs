namespace OdooPerf.Load.Thresholds;

/// <summary>
/// The judgement of one threshold: outcome, the measured value (canonical units; null when there was none to
/// measure), the baseline value for regression thresholds, and a reason when it could not be measured.
/// </summary>
public sealed record ThresholdVerdict(
    Threshold Threshold,
    VerdictOutcome Outcome,
    double? Actual,
    double? Baseline = null,
    string? Reason = null)
{
    public bool Passed => Outcome == VerdictOutcome.Passed;

    public bool Failed => Outcome == VerdictOutcome.Failed;

    /// <summary>
    /// One line for the console and the reports, e.g. <c>p95 &lt; 3s on browse: 2.41 s — passed</c>,
    /// <c>p95 +20% on browse: 2.41 s vs baseline 2.10 s (+14.8%) — passed</c>, <c>p95 &lt; 3s on brwose: no such scenario 'brwose' — failed</c>.
    /// </summary>
    public string Line
    {
        get
        {
            var metric = Threshold.Metric;
            var where = Threshold.Scope.IsRun ? "" : $" on {Threshold.Scope}";
            string what;
            if (Reason is not null)
                what = Reason;
            else if (Actual is null)
                what = "no value";
            else if (Baseline is null)
                what = ValueText.Measured(metric, Actual.Value);
            else
            {
                var change = RegressionThreshold.ChangePercent(Actual.Value, Baseline.Value);
                what = $"{ValueText.Measured(metric, Actual.Value)} vs baseline {ValueText.Measured(metric, Baseline.Value)}"
                    + (change is null ? "" : $" ({ValueText.Change(change.Value)})");
            }
            return $"{Threshold.Expression}{where}: {what} — {OutcomeText}";
        }
    }

    private string OutcomeText => Outcome switch
    {
        VerdictOutcome.Passed => "passed",
        VerdictOutcome.Failed => "failed",
        _ => "not applicable",
    };

    public override string ToString() => Line;
}
