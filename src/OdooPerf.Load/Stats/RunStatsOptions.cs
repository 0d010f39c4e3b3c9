namespace OdooPerf.Load.Stats;

/// <summary>How a run's stats are kept.</summary>
public sealed record RunStatsOptions
{
    /// <summary>The time series' interval at the start of the run (it doubles when <see cref="MaxIntervals"/> is reached).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most points the time series holds. When full, neighbouring points are merged in pairs and the interval
    /// doubles, so memory stays bounded however long the run (2048 points of 5 s cover 2 h 50 min before widening).
    /// </summary>
    public int MaxIntervals { get; init; } = 2048;

    /// <summary>Distinct failure reasons kept per step; further ones are counted as "other".</summary>
    public int MaxFailureReasons { get; init; } = 50;

    /// <summary>How many distinct failure messages are kept, and how long each may be.</summary>
    public FailureMessageLimits FailureMessages { get; init; } = FailureMessageLimits.Default;

    /// <summary>
    /// Masks secrets in a failure message before it is stored (the command line's credential masking); applied once per
    /// distinct message, never on a message already seen. Null: stored as given.
    /// </summary>
    public Func<string, string>? FailureMessageRedactor { get; init; }

    /// <summary>Told of every request as it is recorded (live metrics); null for none.</summary>
    public IStepRecordListener? RecordListener { get; init; }

    internal void Validate()
    {
        if (Interval < TimeSpan.FromMilliseconds(100))
        {
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "the stats interval must be at least 100 ms");
        }

        if (MaxIntervals < 2 || MaxIntervals % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIntervals), MaxIntervals, "must be an even number of at least 2");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFailureReasons, 1, nameof(MaxFailureReasons));
        ArgumentNullException.ThrowIfNull(FailureMessages, nameof(FailureMessages));
        FailureMessages.Validate();
    }
}
