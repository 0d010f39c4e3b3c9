namespace OdooPerf.Load.Thresholds;

/// <summary>
/// <c>metric OP limit</c> on a scope, e.g. <c>p95 &lt; 3s</c>. <see cref="Limit"/> is in the metric's canonical unit
/// (milliseconds, a 0..1 fraction, requests/s or a count); <see cref="LimitText"/> is the limit as written
/// (normalised: no inner spaces, lower-case unit), kept so reports echo the tester's own words.
/// </summary>
public sealed record LimitThreshold(
    ThresholdScope Scope,
    ThresholdMetric Metric,
    ComparisonOperator Operator,
    double Limit,
    string LimitText) : Threshold(Scope, Metric)
{
    /// <summary>Builds one in code, writing the limit in canonical units.</summary>
    public LimitThreshold(ThresholdScope scope, ThresholdMetric metric, ComparisonOperator op, double limit)
        : this(scope, metric, op, limit, ValueText.Canonical(metric, limit))
    {
    }

    public override string Expression => $"{Metric.Name()} {Operator.Symbol()} {LimitText}";

    /// <summary>Whether <paramref name="actual"/> (canonical unit) satisfies the threshold.</summary>
    public bool IsMetBy(double actual) => Operator.Holds(actual, Limit);
}
