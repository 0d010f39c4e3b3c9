namespace OdooPerf.Load.LiveMetrics;

/// <summary>
/// The live metric families of a load run, a contract with dashboards and alert rules: rename one and a Grafana panel
/// goes blank. All of them carry <c>scenario</c>; the request families also <c>step</c>.
/// </summary>
public static class LoadMetricNames
{
    /// <summary>Gauge: virtual users running now (closed model) or iterations in flight (open model).</summary>
    public const string Users = "odooperf_load_users";

    /// <summary>Gauge: closed-model users the current phase asks for (this segment's share).</summary>
    public const string TargetUsers = "odooperf_load_target_users";

    /// <summary>Gauge: open-model iterations per second the current phase asks for (this segment's share).</summary>
    public const string TargetIterationsPerSecond = "odooperf_load_target_iterations_per_second";

    /// <summary>Counter: requests recorded, by <c>outcome</c> (<c>ok</c> or <c>failed</c>).</summary>
    public const string Requests = "odooperf_load_requests_total";

    /// <summary>Counter: failed requests by <c>reason</c> (the step's bounded failure reasons, as in the report).</summary>
    public const string RequestFailures = "odooperf_load_request_failures_total";

    /// <summary>Histogram: request latency in seconds (open model: from the iteration's intended start).</summary>
    public const string RequestDuration = "odooperf_load_request_duration_seconds";

    /// <summary>Counter: iterations started.</summary>
    public const string Iterations = "odooperf_load_iterations_total";

    /// <summary>Counter: open-model iterations that could not start on time (load asked for and not delivered).</summary>
    public const string DroppedIterations = "odooperf_load_dropped_iterations_total";

    /// <summary>Gauge, always 1: the process's execution segment (<c>segment="2/4"</c>), to tell segments apart.</summary>
    public const string RunInfo = "odooperf_load_run_info";
}
