using System.Collections.Concurrent;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// What the preflight learnt about the target, shared by every virtual user of the run: the server version, the
/// installed apps, each scenario's prepared data (ids to pick from), and which Odoo call each step made (the server
/// log shows buttons only as <c>/web/dataset/call_button</c>, so the report keeps the model and method itself).
/// </summary>
internal sealed class OdooRunData
{
    private readonly ConcurrentDictionary<string, object> _scenarioData = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _stepCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _forms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Scenario, string Stage), long> _unfinished = new();

    public required OdooServerVersion Version { get; init; }

    /// <summary>Six hex digits drawn once per run: what the run creates is named apart from earlier runs' records.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..6];

    public required IReadOnlySet<string> InstalledApps { get; init; }

    /// <summary>The logged-in user's id as the preflight saw it (every virtual user logs in as the same login); null on JSON-2 when the server does not say.</summary>
    public required long? Uid { get; init; }

    public bool Has(string app) => InstalledApps.Contains(app);

    /// <summary>Stores what a scenario's <see cref="OdooScenario.PrepareAsync"/> found.</summary>
    public void Set<T>(string scenario, T data)
        where T : class => _scenarioData[scenario] = data;

    public T Get<T>(string scenario)
        where T : class =>
        _scenarioData.TryGetValue(scenario, out var data)
            ? (T)data
            : throw new InvalidOperationException($"scenario '{scenario}' has no prepared data: its PrepareAsync did not store any");

    /// <summary>Stores what a scenario's <see cref="OdooScenario.ResolveFields"/> built from the server's schema.</summary>
    public void SetForms(string scenario, object forms) => _forms[scenario] = forms;

    /// <summary>The specifications and field names a scenario built from this server's schema.</summary>
    public T Forms<T>(string scenario)
        where T : class =>
        _forms.TryGetValue(scenario, out var forms)
            ? (T)forms
            : throw new InvalidOperationException($"scenario '{scenario}' has no resolved fields: the preflight did not run its ResolveFields");

    /// <summary>Notes the Odoo call behind a step (the first one seen; a step makes one call).</summary>
    public void NoteCall(string scenario, string step, string? model, string? method, string? route)
    {
        var key = $"{scenario}/{step}";
        if (!_stepCalls.ContainsKey(key) && method is not null)
        {
            var call = model is null ? method : $"{model}.{method}";
            _stepCalls.TryAdd(key, string.IsNullOrEmpty(route) ? call : $"{call} ({route})");
        }
    }

    /// <summary>Counts one document a scenario's iteration left at <paramref name="stage"/> (see <see cref="DocumentProgress"/>).</summary>
    public void CountUnfinished(string scenario, string stage) => _unfinished.AddOrUpdate((scenario, stage), 1, (_, n) => n + 1);

    /// <summary>Documents left mid-flow: scenario → stage → count, sorted; empty when every flow that began a document finished it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Unfinished() =>
        _unfinished.GroupBy(u => u.Key.Scenario, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, long>)new SortedDictionary<string, long>(g.ToDictionary(u => u.Key.Stage, u => u.Value, StringComparer.Ordinal), StringComparer.Ordinal),
                StringComparer.Ordinal);

    /// <summary>"scenario/step" → "model.method (route)", sorted.</summary>
    public IReadOnlyDictionary<string, string> StepCalls() =>
        new SortedDictionary<string, string>(_stepCalls, StringComparer.Ordinal);
}
