using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Thresholds;

/// <summary>
/// Judges thresholds against a run's snapshots (and a baseline run's, for regression thresholds). Rules:
/// a scope missing from the run fails ("no such scenario/step": a typo must not pass silently); a latency or
/// fail_rate threshold on a scope with no requests fails (an empty scope would otherwise pass any upper limit);
/// a regression threshold without a baseline fails; a regression threshold whose scope is missing only from
/// the baseline is not applicable.
/// </summary>
public static class ThresholdEvaluator
{
    public static ThresholdResult Evaluate(
        IEnumerable<Threshold> thresholds,
        IEnumerable<StatsSnapshot> run,
        IEnumerable<StatsSnapshot>? baseline = null)
    {
        var current = new SnapshotScopes(run);
        var before = baseline is null ? null : new SnapshotScopes(baseline);
        return new ThresholdResult(thresholds.Select(t => Judge(t, current, before)).ToArray());
    }

    public static ThresholdVerdict Judge(Threshold threshold, SnapshotScopes run, SnapshotScopes? baseline = null)
    {
        var snapshot = run.Find(threshold.Scope, out var missing);
        if (snapshot is null)
            return new ThresholdVerdict(threshold, VerdictOutcome.Failed, null, Reason: missing);
        if (threshold.Metric.NeedsRequests() && snapshot.Requests == 0)
            return new ThresholdVerdict(threshold, VerdictOutcome.Failed, null, Reason: "no requests to judge");

        var actual = threshold.Metric.ValueOf(snapshot);
        switch (threshold)
        {
            case LimitThreshold limit:
                return new ThresholdVerdict(threshold, limit.IsMetBy(actual) ? VerdictOutcome.Passed : VerdictOutcome.Failed, actual);

            case RegressionThreshold regression:
                if (baseline is null)
                    return new ThresholdVerdict(threshold, VerdictOutcome.Failed, actual, Reason: "needs a baseline report to compare with");
                var old = baseline.Find(threshold.Scope, out var missingBefore);
                if (old is null || (threshold.Metric.NeedsRequests() && old.Requests == 0))
                    return new ThresholdVerdict(threshold, VerdictOutcome.NotApplicable, actual,
                        Reason: (missingBefore ?? "no requests") + " in the baseline");
                var oldValue = threshold.Metric.ValueOf(old);
                var outcome = regression.IsMetBy(actual, oldValue) ? VerdictOutcome.Passed : VerdictOutcome.Failed;
                return new ThresholdVerdict(threshold, outcome, actual, oldValue);

            default:
                throw new ArgumentException($"unknown threshold type {threshold.GetType().Name}", nameof(threshold));
        }
    }
}
