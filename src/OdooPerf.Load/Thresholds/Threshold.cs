namespace OdooPerf.Load.Thresholds;

/// <summary>
/// A pass/fail rule on one metric of one scope of a run: either a fixed limit (<see cref="LimitThreshold"/>,
/// <c>p95 &lt; 3s</c>) or an allowed change against a baseline run (<see cref="RegressionThreshold"/>, <c>p95 +20%</c>).
/// Build them in code or with <see cref="ThresholdParser"/>.
/// </summary>
public abstract record Threshold(ThresholdScope Scope, ThresholdMetric Metric)
{
    /// <summary>The rule without its scope, e.g. <c>p95 &lt; 3s</c>.</summary>
    public abstract string Expression { get; }

    /// <summary>The rule as it would be written on the command line, e.g. <c>browse/open_form: p95 &lt; 3s</c>.</summary>
    public sealed override string ToString() => Scope.IsRun ? Expression : $"{Scope}: {Expression}";
}
