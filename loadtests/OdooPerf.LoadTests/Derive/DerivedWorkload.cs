namespace OdooPerf.LoadTests.Derive;

/// <summary>What <c>derive</c> found in a log.</summary>
internal sealed record DerivedWorkload
{
    public required long Requests { get; init; }

    public required DateTime? From { get; init; }

    public required DateTime? To { get; init; }

    /// <summary>Scenario → share of the attributed requests (0 to 100), every scenario of the catalog present.</summary>
    public required IReadOnlyList<(string Scenario, double Weight)> Weights { get; init; }

    public required IReadOnlyList<CallStats> TopCalls { get; init; }

    /// <summary>Buttons whose model the log does not show, attributed to the model the same client used just before.</summary>
    public required long ButtonsAttributed { get; init; }

    /// <summary>Buttons with no earlier model call from the same client: left out of the weights.</summary>
    public required long ButtonsUnattributed { get; init; }

    public required int Addresses { get; init; }

    /// <summary>Median and 90th percentile of the pauses between one client's requests, whole seconds; null when not measurable.</summary>
    public required (int Median, int P90)? ThinkSeconds { get; init; }

    public required string ThinkTimeMethod { get; init; }

    public required double PeakAverageInFlight { get; init; }

    public required int PeakActiveAddresses { get; init; }

    public required long PeakRequestsPerMinute { get; init; }

    public required int SuggestedExpectedUsers { get; init; }

    public required string SuggestionMethod { get; init; }
}

/// <summary>One call's share and latency in the log.</summary>
internal sealed record CallStats(string Call, long Requests, double Share, double MeanMs, double P95Ms, string Scenario);
