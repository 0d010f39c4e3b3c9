namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// Which scenarios a run drives and by what weight: the virtual users are shared out in proportion to the weights
/// (largest remainder, so they add up to exactly the users asked for). A scenario whose share rounds to no user is
/// left out of the run and said so.
/// </summary>
internal sealed record ScenarioMix(IReadOnlyList<(OdooScenario Scenario, double Weight)> Entries, ThinkTime? ThinkTime = null)
{
    public const string MixName = "mix";

    /// <summary>The README's default weights.</summary>
    public static ScenarioMix Default { get; } = new(ScenarioCatalog.All.Select(s => (s.Scenario, (double)s.DefaultWeight)).ToArray());

    /// <summary>One scenario alone.</summary>
    public static ScenarioMix Single(OdooScenario scenario) => new([(scenario, 1.0)]);

    /// <summary>Users per scenario for <paramref name="users"/> in all, in the mix's order; zero-user scenarios included.</summary>
    public IReadOnlyList<(OdooScenario Scenario, int Users)> Split(int users)
    {
        var active = Entries.Where(e => e.Weight > 0).ToArray();
        var total = active.Sum(e => e.Weight);
        var exact = active.Select(e => users * e.Weight / total).ToArray();
        var shares = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var left = users - shares.Sum();

        // Largest remainder first; ties go to the heavier weight, then to the earlier scenario.
        foreach (var i in Enumerable.Range(0, active.Length)
                     .OrderByDescending(i => exact[i] - shares[i])
                     .ThenByDescending(i => active[i].Weight)
                     .ThenBy(i => i)
                     .Take(left))
        {
            shares[i]++;
        }

        return active.Select((e, i) => (e.Scenario, shares[i])).ToArray();
    }

    public override string ToString() =>
        string.Join(", ", Entries.Where(e => e.Weight > 0).Select(e => $"{e.Scenario.Name} {e.Weight:0.##}"));
}
