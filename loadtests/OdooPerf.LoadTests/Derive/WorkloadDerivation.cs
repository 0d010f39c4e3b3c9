using OdooPerf.LoadTests.Scenarios;

namespace OdooPerf.LoadTests.Derive;

/// <summary>
/// Turns a log's user actions into a workload. Weights: each request's scenario (<see cref="ScenarioMapping"/>), a
/// button the log shows without its model (Odoo before 17.1) counted for the model the same client called just before
/// (the form it was on). Think time: the pauses between the end of one request of a client address and the start of its
/// next, shorter than 10 minutes (longer is a break, not thinking); median and 90th percentile; not measurable with
/// fewer than 3 addresses (behind a proxy every request has the proxy's). Concurrency per minute: average requests in
/// flight (the minute's summed request time / 60, Little's law) and distinct addresses active. Suggested expected
/// users: the most addresses active in one minute when addresses are measurable, else the busiest minute's request
/// rate × (mean request time + 3 s think time).
/// </summary>
internal static class WorkloadDerivation
{
    public const int MinAddressesForThinkTime = 3;
    public static readonly TimeSpan MaxThink = TimeSpan.FromMinutes(10);
    private const double DefaultThinkSeconds = 3;

    public static DerivedWorkload Derive(IReadOnlyList<ObservedRequest> requests, int top)
    {
        var byAddress = requests.GroupBy(r => r.Address, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.End - TimeSpan.FromSeconds(r.Seconds)).ToArray(), StringComparer.Ordinal);
        var perScenario = new Dictionary<string, long>(StringComparer.Ordinal);
        long attributed = 0, unattributed = 0;
        foreach (var (_, own) in byAddress)
        {
            string? lastModel = null;
            foreach (var request in own)
            {
                if (!request.IsModelLessButton)
                {
                    lastModel = request.Model ?? lastModel;
                    Count(perScenario, ScenarioMapping.For(request.Model, request.Call[(request.Call.LastIndexOf('.') + 1)..]));
                }
                else if (lastModel is not null)
                {
                    attributed++;
                    Count(perScenario, ScenarioMapping.For(lastModel, "button"));
                }
                else
                {
                    unattributed++;
                }
            }
        }

        var counted = perScenario.Values.Sum();
        var weights = ScenarioCatalog.All
            .Select(s => (s.Scenario.Name, counted == 0 ? 0 : 100.0 * perScenario.GetValueOrDefault(s.Scenario.Name) / counted))
            .ToArray();

        var calls = requests.GroupBy(r => r.Call, StringComparer.Ordinal)
            .Select(g =>
            {
                var ms = g.Select(r => r.Seconds * 1000).Order().ToArray();
                var scenario = g.First().IsModelLessButton ? "(attributed per request)" : ScenarioMapping.For(g.First().Model, g.Key[(g.Key.LastIndexOf('.') + 1)..]);
                return new CallStats(g.Key, ms.Length, requests.Count == 0 ? 0 : (double)ms.Length / requests.Count, ms.Average(), Percentile(ms, 0.95), scenario);
            })
            .OrderByDescending(c => c.Requests).ThenBy(c => c.Call, StringComparer.Ordinal)
            .Take(top)
            .ToArray();

        var (think, thinkMethod) = ThinkTime(byAddress);
        var minutes = requests.GroupBy(r => new DateTime(r.End.Year, r.End.Month, r.End.Day, r.End.Hour, r.End.Minute, 0, r.End.Kind))
            .Select(g => (InFlight: g.Sum(r => r.Seconds) / 60, Addresses: g.Select(r => r.Address).Distinct(StringComparer.Ordinal).Count(), Requests: (long)g.Count()))
            .ToArray();
        var peakInFlight = minutes.Length == 0 ? 0 : minutes.Max(m => m.InFlight);
        var peakAddresses = minutes.Length == 0 ? 0 : minutes.Max(m => m.Addresses);
        var peakRate = minutes.Length == 0 ? 0 : minutes.Max(m => m.Requests);

        int suggested;
        string method;
        if (byAddress.Count >= MinAddressesForThinkTime)
        {
            suggested = Math.Max(1, peakAddresses);
            method = "the most client addresses active in one minute";
        }
        else
        {
            var meanSeconds = requests.Count == 0 ? 0 : requests.Average(r => r.Seconds);
            suggested = Math.Max(1, (int)Math.Ceiling(peakRate / 60.0 * (meanSeconds + DefaultThinkSeconds)));
            // Plain ASCII: the mix file's JSON writer escapes anything else (\u0027, \u00D7), unreadable in the file.
            method = $"requests per second of the busiest minute times (mean request time + {DefaultThinkSeconds:0} s think time): fewer than {MinAddressesForThinkTime} client addresses (a proxy?)";
        }

        return new DerivedWorkload
        {
            Requests = requests.Count,
            From = requests.Count == 0 ? null : requests.Min(r => r.End),
            To = requests.Count == 0 ? null : requests.Max(r => r.End),
            Weights = weights,
            TopCalls = calls,
            ButtonsAttributed = attributed,
            ButtonsUnattributed = unattributed,
            Addresses = byAddress.Count,
            ThinkSeconds = think,
            ThinkTimeMethod = thinkMethod,
            PeakAverageInFlight = peakInFlight,
            PeakActiveAddresses = peakAddresses,
            PeakRequestsPerMinute = peakRate,
            SuggestedExpectedUsers = suggested,
            SuggestionMethod = method,
        };
    }

    private static ((int, int)?, string) ThinkTime(Dictionary<string, ObservedRequest[]> byAddress)
    {
        if (byAddress.Count < MinAddressesForThinkTime)
        {
            return (null, $"not measurable: {byAddress.Count} client address(es), fewer than {MinAddressesForThinkTime} (behind a proxy every request has its address)");
        }

        var gaps = new List<double>();
        foreach (var (_, own) in byAddress)
        {
            for (var i = 1; i < own.Length; i++)
            {
                var gap = (own[i].End - TimeSpan.FromSeconds(own[i].Seconds) - own[i - 1].End).TotalSeconds;
                if (gap >= 0 && gap < MaxThink.TotalSeconds)
                {
                    gaps.Add(gap);
                }
            }
        }

        if (gaps.Count == 0)
        {
            return (null, "not measurable: no client made two requests within 10 minutes");
        }

        var sorted = gaps.Order().ToArray();
        var median = Math.Max(1, (int)Math.Round(Percentile(sorted, 0.5)));
        var p90 = Math.Max(median, (int)Math.Round(Percentile(sorted, 0.9)));
        return ((median, p90), $"median and 90th percentile of {sorted.Length} pauses between the requests of one client address (under 10 minutes)");
    }

    private static void Count(Dictionary<string, long> counts, string scenario) => counts[scenario] = counts.GetValueOrDefault(scenario) + 1;

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}
