using OdooPerf.Odoo.Schema;

namespace OdooPerf.LoadTests.Schema;

/// <summary>
/// The run's view of the server's schema while the scenarios build what they send: each scenario asks through its
/// own <see cref="ScenarioFields"/>, which answers with the name this server uses (Odoo 17's name, or a known rename,
/// <see cref="OdooFieldRenames"/>) and notes what is missing instead of failing at the first gap, so the preflight
/// can refuse the run once, naming everything missing.
/// </summary>
internal sealed class ServerFields(OdooSchema schema)
{
    // item ("field sale.order.line.tax_id") -> the scenarios that need it, in the order they asked.
    private readonly Dictionary<string, List<string>> _missing = new(StringComparer.Ordinal);

    public OdooSchema Schema => schema;

    public ScenarioFields For(string scenario) => new(this, scenario);

    /// <summary>Everything missing, each with the scenarios that need it: <c>field res.partner.x (browse, crm)</c>.</summary>
    public IReadOnlyList<string> Missing() =>
        _missing.Select(m => $"{m.Key} ({string.Join(", ", m.Value)})").ToArray();

    internal void NoteMissing(string scenario, string item)
    {
        if (!_missing.TryGetValue(item, out var scenarios))
        {
            _missing[item] = scenarios = [];
        }

        if (!scenarios.Contains(scenario))
        {
            scenarios.Add(scenario);
        }
    }

    /// <summary>The name <paramref name="field"/> has on this server, or null when it has neither it nor a known rename.</summary>
    internal string? Resolve(string model, string field)
    {
        if (schema.Has(model, field))
        {
            return field;
        }

        return OdooFieldRenames.Alternatives(model, field).FirstOrDefault(name => schema.Has(model, name));
    }
}
