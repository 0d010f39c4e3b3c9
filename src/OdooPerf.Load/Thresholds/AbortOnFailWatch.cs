using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Thresholds;

/// <summary>
/// For abort-on-fail: the runner calls <see cref="Check"/> periodically with the current snapshots and stops the
/// run when it returns a verdict. Which thresholds are judged early, and when (<see cref="JudgedEarly"/>):
/// <list type="bullet">
/// <item>counts (<c>failed</c>, <c>ok</c>, <c>requests</c>) with &lt;, &lt;= or ==, <c>max</c> with &lt;, &lt;= or ==,
/// <c>min</c> with &gt;, &gt;= or ==: at any time, because these only move one way, so a broken limit stays broken
/// (for == only an overshoot is final: <c>failed == 0</c> fails at the first failure, <c>requests == 1000</c> only past 1000);</item>
/// <item>percentiles, mean, stddev and fail_rate: only once the scope has at least <see cref="MinRequests"/> requests,
/// since early samples are few and the warm-up is often slower;</item>
/// <item>never early: rps (ramp-up and ramp-down distort it), &gt;/&gt;= on counts and max, &lt;/&lt;= on min (they may
/// still be met later), regression thresholds (judged against the baseline at the end).</item>
/// </list>
/// A scope that has no snapshot yet is not judged (its scenario may not have started); the final evaluation
/// by <see cref="ThresholdEvaluator"/> still fails it if it never appears.
/// </summary>
public sealed class AbortOnFailWatch
{
    public const long DefaultMinRequests = 100;

    private readonly (LimitThreshold Threshold, EarlyJudgement When)[] _watched;

    public AbortOnFailWatch(IEnumerable<Threshold> thresholds, long minRequests = DefaultMinRequests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minRequests, 1);
        MinRequests = minRequests;
        var all = thresholds.ToArray();
        _watched = all.OfType<LimitThreshold>()
            .Select(t => (t, JudgedEarly(t)))
            .Where(w => w.Item2 != EarlyJudgement.Never)
            .ToArray();
        Watched = _watched.Select(w => w.Threshold).ToArray();
        JudgedOnlyAtEnd = all.Where(t => JudgedEarly(t) == EarlyJudgement.Never).ToArray();
    }

    /// <summary>Requests a scope needs before its statistical thresholds are judged early.</summary>
    public long MinRequests { get; }

    /// <summary>The thresholds <see cref="Check"/> can fail on.</summary>
    public IReadOnlyList<LimitThreshold> Watched { get; }

    /// <summary>The thresholds that cannot abort the run, so the command line can say so at the start.</summary>
    public IReadOnlyList<Threshold> JudgedOnlyAtEnd { get; }

    public static EarlyJudgement JudgedEarly(Threshold threshold)
    {
        if (threshold is not LimitThreshold limit)
            return EarlyJudgement.Never;
        var upperBound = limit.Operator is ComparisonOperator.Less or ComparisonOperator.LessOrEqual or ComparisonOperator.Equal;
        var lowerBound = limit.Operator is ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual or ComparisonOperator.Equal;
        return limit.Metric switch
        {
            ThresholdMetric.Rps => EarlyJudgement.Never,
            ThresholdMetric.Requests or ThresholdMetric.Failed or ThresholdMetric.Ok or ThresholdMetric.Max
                => upperBound ? EarlyJudgement.Monotonic : EarlyJudgement.Never,
            ThresholdMetric.Min => lowerBound ? EarlyJudgement.Monotonic : EarlyJudgement.Never,
            _ => EarlyJudgement.AfterMinRequests,
        };
    }

    /// <summary>The first watched threshold that has conclusively failed on these snapshots, or null to carry on.</summary>
    public ThresholdVerdict? Check(IEnumerable<StatsSnapshot> snapshots)
    {
        var scopes = new SnapshotScopes(snapshots);
        foreach (var (threshold, when) in _watched)
        {
            var snapshot = scopes.Find(threshold.Scope, out _);
            if (snapshot is null)
                continue;
            var ready = when == EarlyJudgement.Monotonic
                ? !threshold.Metric.NeedsRequests() || snapshot.Requests > 0
                : snapshot.Requests >= MinRequests;
            if (!ready)
                continue;
            var actual = threshold.Metric.ValueOf(snapshot);
            if (threshold.IsMetBy(actual))
                continue;
            // For == on a one-way metric only an overshoot in its direction of travel is final.
            if (when == EarlyJudgement.Monotonic && threshold.Operator == ComparisonOperator.Equal)
            {
                var overshot = threshold.Metric == ThresholdMetric.Min ? actual < threshold.Limit : actual > threshold.Limit;
                if (!overshot)
                    continue;
            }
            return new ThresholdVerdict(threshold, VerdictOutcome.Failed, actual);
        }
        return null;
    }
}
