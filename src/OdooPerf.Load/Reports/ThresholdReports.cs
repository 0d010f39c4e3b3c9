using OdooPerf.Load.Thresholds;

namespace OdooPerf.Load.Reports;

/// <summary>Threshold verdicts as report.json keeps them.</summary>
internal static class ThresholdReports
{
    public static ThresholdReport From(ThresholdVerdict verdict) => new()
    {
        Expression = verdict.Threshold.ToString(),
        Outcome = verdict.Outcome switch
        {
            VerdictOutcome.Passed => ThresholdReport.OutcomePassed,
            VerdictOutcome.Failed => ThresholdReport.OutcomeFailed,
            _ => ThresholdReport.OutcomeNotApplicable,
        },
        Actual = Finite(verdict.Actual),
        Baseline = Finite(verdict.Baseline),
        Reason = verdict.Reason,
        Line = verdict.Line,
    };

    // JSON has no NaN or infinity.
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
