namespace OdooPerf.Load.Stats;

/// <summary>
/// What a run (or one scenario, or one step of it) did, at the end or at a moment of the run. The unit that
/// thresholds are judged against and reports are written from. <see cref="Scenario"/> and <see cref="Step"/>
/// are null for the whole run; <see cref="Step"/> is null for a whole scenario.
/// </summary>
public sealed record StatsSnapshot(
    string? Scenario,
    string? Step,
    long Ok,
    long Failed,
    IReadOnlyDictionary<string, long> FailuresByReason,
    IReadOnlyDictionary<int, long> StatusCodes,
    long BytesSent,
    long BytesReceived,
    double DurationSeconds,
    LatencySummary Latency)
{
    public long Requests => Ok + Failed;

    /// <summary>Requests slower than the histograms track (5 minutes), recorded as 5 minutes.</summary>
    public long ClampedLatencies { get; init; }

    /// <summary>
    /// The distinct messages the failures carried, earliest first (for a scenario or the run: its steps' combined,
    /// <see cref="FailureMessageCombiner"/>). Failures without a message are not in it.
    /// </summary>
    public IReadOnlyList<FailureMessage> FailureMessages { get; init; } = [];

    /// <summary>Failures whose message was not kept (beyond <see cref="FailureMessageLimits"/>), by reason.</summary>
    public IReadOnlyDictionary<string, long> OtherFailureMessages { get; init; } = new Dictionary<string, long>();

    /// <summary>Failed requests as a fraction of all (0 to 1); 0 when there were none.</summary>
    public double FailRate => Requests == 0 ? 0 : (double)Failed / Requests;

    /// <summary>Requests per second over <see cref="DurationSeconds"/>; 0 for an empty duration.</summary>
    public double RequestsPerSecond => DurationSeconds <= 0 ? 0 : Requests / DurationSeconds;
}
