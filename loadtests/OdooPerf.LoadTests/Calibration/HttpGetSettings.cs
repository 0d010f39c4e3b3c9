namespace OdooPerf.LoadTests.Calibration;

/// <summary>
/// What <c>odooperf-load http</c> runs: GET <see cref="Target"/> with <see cref="Users"/> virtual users (closed model)
/// or at <see cref="Rate"/> iterations per second (open model), after an optional ramp-up, for <see cref="Duration"/>.
/// </summary>
internal sealed record HttpGetSettings
{
    public required TargetUrl Target { get; init; }

    /// <summary>Closed model: virtual users, each with its own connection. Exactly one of this and <see cref="Rate"/>.</summary>
    public int? Users { get; init; }

    /// <summary>Open model: requests started per second, whatever the server's speed.</summary>
    public double? Rate { get; init; }

    /// <summary>The steady phase, after the ramp-up.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>From 0 to the users or the rate, linearly; none when null.</summary>
    public TimeSpan? RampUp { get; init; }

    /// <summary>A request (headers and body) slower than this fails with reason <c>timeout</c>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Open model: requests in flight at once before further ones are dropped.</summary>
    public int MaxConcurrency { get; init; } = Load.Scenarios.Scenario.DefaultMaxConcurrentIterations;

    /// <summary>Open model: connections the shared pool opens at most; <see cref="MaxConcurrency"/> when null.</summary>
    public int? Connections { get; init; }

    public bool IsOpenModel => Rate is not null;

    /// <summary>How the console and reports name the load, e.g. <c>10 users, 30s</c> or <c>ramp-up 10s, 500/s, 1m</c>.</summary>
    public string Describe()
    {
        var load = Users is { } users ? $"{users} user{(users == 1 ? "" : "s")}" : $"{Rate!.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}/s";
        var ramp = RampUp is { } r ? $"ramp-up {Load.Simulations.DurationText.Format(r)}, " : "";
        return $"{ramp}{load}, {Load.Simulations.DurationText.Format(Duration)}";
    }
}
