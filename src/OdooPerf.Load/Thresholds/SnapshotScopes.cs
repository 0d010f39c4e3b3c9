using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Thresholds;

/// <summary>
/// The snapshots of a run (whole run, per scenario, per step) indexed by scope, so a threshold's scope resolves
/// to its snapshot or to a reason why there is none. Scope names compare case-sensitively (ordinal), as they
/// are identifiers in the scenario code.
/// </summary>
public sealed class SnapshotScopes
{
    private readonly Dictionary<(string? Scenario, string? Step), StatsSnapshot> _byScope = new();
    private readonly HashSet<string> _scenarios = new(StringComparer.Ordinal);

    public SnapshotScopes(IEnumerable<StatsSnapshot> snapshots)
    {
        foreach (var snapshot in snapshots)
        {
            // A step snapshot without a scenario cannot be addressed; it is treated as the run's only when both are null.
            var key = (snapshot.Scenario, snapshot.Scenario is null ? null : snapshot.Step);
            _byScope.TryAdd(key, snapshot);
            if (snapshot.Scenario is not null)
                _scenarios.Add(snapshot.Scenario);
        }
    }

    /// <summary>The snapshot for <paramref name="scope"/>, or null with the reason it is missing.</summary>
    public StatsSnapshot? Find(ThresholdScope scope, out string? missingReason)
    {
        if (_byScope.TryGetValue((scope.Scenario, scope.Step), out var snapshot))
        {
            missingReason = null;
            return snapshot;
        }
        missingReason = scope switch
        {
            { IsRun: true } => "no whole-run stats",
            { Step: null } => $"no such scenario '{scope.Scenario}'",
            _ when !_scenarios.Contains(scope.Scenario!) => $"no such scenario '{scope.Scenario}'",
            _ => $"no such step '{scope.Step}' in scenario '{scope.Scenario}'",
        };
        return null;
    }
}
