using System.Globalization;
using System.Text.Json.Nodes;
using OdooPerf.LoadTests.Scenarios;

namespace OdooPerf.LoadTests.Derive;

/// <summary>The mix file <c>derive</c> writes: weights and think time for <c>run --mix</c>, and what was observed under <c>derivedFrom</c>.</summary>
internal static class DerivedMixFile
{
    public static string Format(DerivedWorkload workload, string logName, long lines, long unparsed, long excluded)
    {
        var calls = new JsonArray(workload.TopCalls.Select(c => (JsonNode?)new JsonObject
        {
            ["call"] = c.Call,
            ["requests"] = c.Requests,
            ["share"] = Math.Round(c.Share, 4),
            ["meanMs"] = Math.Round(c.MeanMs, 1),
            ["p95Ms"] = Math.Round(c.P95Ms, 1),
            ["scenario"] = c.Scenario,
        }).ToArray());
        var derivedFrom = new JsonObject
        {
            ["log"] = logName,
            ["linesRead"] = lines,
            ["malformedLines"] = unparsed,
            ["requests"] = workload.Requests,
            ["excludedRequests"] = excluded,
            ["from"] = workload.From?.ToString("s", CultureInfo.InvariantCulture),
            ["to"] = workload.To?.ToString("s", CultureInfo.InvariantCulture),
            ["calls"] = calls,
            ["buttons"] = new JsonObject { ["attributed"] = workload.ButtonsAttributed, ["unattributed"] = workload.ButtonsUnattributed },
            ["clientAddresses"] = workload.Addresses,
            ["thinkTimeMethod"] = workload.ThinkTimeMethod,
            ["peakAverageRequestsInFlight"] = Math.Round(workload.PeakAverageInFlight, 3),
            ["peakActiveAddressesPerMinute"] = workload.PeakActiveAddresses,
            ["peakRequestsPerMinute"] = workload.PeakRequestsPerMinute,
            ["suggestedExpectedUsers"] = workload.SuggestedExpectedUsers,
            ["suggestedExpectedUsersMethod"] = workload.SuggestionMethod,
        };
        var think = workload.ThinkSeconds is { } t ? new ThinkTime(TimeSpan.FromSeconds(t.Median), TimeSpan.FromSeconds(t.P90)) : null;
        return MixFile.Format(workload.Weights, think, derivedFrom);
    }
}
