namespace OdooPerf.Load.Stats;

/// <summary>
/// One interval of the run's time series: its wall-clock span (so segments of a distributed run align), the stats of
/// every step, every scenario and the whole run in it, and the most users each scenario had running during it.
/// </summary>
public sealed record IntervalPoint(
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<IntervalStats> Stats,
    IReadOnlyDictionary<string, int> UsersByScenario)
{
    public double DurationSeconds => (End - Start).TotalSeconds;

    /// <summary>The sum of the scenarios' maxima: an upper bound of the users running at once in this interval.</summary>
    public int Users => UsersByScenario.Values.Sum();

    /// <summary>The whole run's stats in this interval (the entry with neither scenario nor step).</summary>
    public IntervalStats Total => Stats.First(s => s.Scenario is null && s.Step is null);

    internal static IntervalPoint Widen(IntervalPoint first, IntervalPoint second)
    {
        var stats = new List<IntervalStats>(second.Stats.Count);
        foreach (var later in second.Stats)
        {
            var earlier = first.Stats.FirstOrDefault(s => s.Scenario == later.Scenario && s.Step == later.Step);
            stats.Add(earlier is null ? later with { DurationSeconds = later.DurationSeconds + first.DurationSeconds } : IntervalStats.Widen(earlier, later));
        }

        var users = new Dictionary<string, int>(first.UsersByScenario, StringComparer.Ordinal);
        foreach (var (scenario, count) in second.UsersByScenario)
        {
            users[scenario] = Math.Max(count, users.GetValueOrDefault(scenario));
        }

        return new IntervalPoint(first.Start, second.End, stats, users);
    }
}
