namespace OdooPerf.Load.Thresholds;

/// <summary>Whether, and when, a threshold can be judged while the run is still going (see <see cref="AbortOnFailWatch"/>).</summary>
public enum EarlyJudgement
{
    /// <summary>Only at the end: its value can still move either way (rps, a lower bound on a count, regressions).</summary>
    Never,

    /// <summary>
    /// Any time: the metric only moves one way during a run (counts and max only grow, min only shrinks), so once
    /// it breaks the limit in that direction the final value breaks it too. No false aborts.
    /// </summary>
    Monotonic,

    /// <summary>
    /// Once the scope has at least the watch's minimum number of requests: a percentile, mean, stddev or fail_rate
    /// can still recover, so judging early is a statistical bet the tester opts into with abort-on-fail.
    /// </summary>
    AfterMinRequests,
}
