namespace OdooPerf.Load.Thresholds;

/// <summary>
/// An allowed change against a baseline run's same scope, e.g. <c>p95 +20%</c>: the current p95 may be at most
/// 20% above the baseline's. For metrics where lower is worse (rps, requests, ok) the allowance is a decrease and
/// is written with a minus: <c>rps -10%</c>. Exactly the allowed change passes. A baseline of 0 allows no
/// increase at all (20% of nothing is nothing).
/// </summary>
public sealed record RegressionThreshold(ThresholdScope Scope, ThresholdMetric Metric, double AllowedChangePercent)
    : Threshold(Scope, Metric)
{
    public override string Expression =>
        $"{Metric.Name()} {(Metric.HigherIsWorse() ? '+' : '-')}{ValueText.Number(AllowedChangePercent)}%";

    /// <summary>Whether <paramref name="current"/> stays within the allowance from <paramref name="baseline"/>.</summary>
    public bool IsMetBy(double current, double baseline)
    {
        if (double.IsNaN(current) || double.IsNaN(baseline))
            return false;
        // Decimal so that exactly +20% on round figures is not lost to binary rounding (2000 * 1.2 != 2400 in double).
        if (!TryDecimal(current, out var now) || !TryDecimal(baseline, out var before))
            return Metric.HigherIsWorse()
                ? current <= baseline * (1 + AllowedChangePercent / 100)
                : current >= baseline * (1 - AllowedChangePercent / 100);
        var allowed = (decimal)AllowedChangePercent / 100m;
        return Metric.HigherIsWorse() ? now <= before * (1 + allowed) : now >= before * (1 - allowed);
    }

    /// <summary>The change from baseline to current in percent (+14.8 = 14.8% higher); null when the baseline is 0.</summary>
    public static double? ChangePercent(double current, double baseline) =>
        baseline == 0 ? null : (current - baseline) / baseline * 100;

    private static bool TryDecimal(double value, out decimal result)
    {
        if (double.IsFinite(value) && Math.Abs(value) < 1e15)
        {
            result = (decimal)value;
            return true;
        }
        result = 0;
        return false;
    }
}
