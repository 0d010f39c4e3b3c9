namespace OdooPerf.Load.Stats;

/// <summary>
/// One interval of the run's time series: its wall-clock span (so segments of a distributed run align), the stats of
/// every step, every scenario and the whole run in it, the most users each scenario had running during it, and the
/// iterations each scenario dropped in it (open model: no free virtual user at the intended start).
/// </summary>
public sealed record IntervalPoint(
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<IntervalStats> Stats,
    IReadOnlyDictionary<string, int> UsersByScenario,
    IReadOnlyDictionary<string, long>? DroppedByScenario = null)
{
    /// <summary>Iterations dropped in this interval, all scenarios.</summary>
    public long Dropped => DroppedByScenario?.Values.Sum() ?? 0;

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

        var dropped = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (scenario, count) in (first.DroppedByScenario ?? Empty).Concat(second.DroppedByScenario ?? Empty))
        {
            dropped[scenario] = dropped.GetValueOrDefault(scenario) + count;
        }

        return new IntervalPoint(first.Start, second.End, stats, users, dropped);
    }

    private static readonly IReadOnlyDictionary<string, long> Empty = new Dictionary<string, long>();
}
