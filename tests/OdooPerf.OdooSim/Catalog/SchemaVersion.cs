namespace OdooPerf.OdooSim.Catalog;

/// <summary>
/// The simulator's own code asking for a field by its Odoo 17 name and getting the name the played version uses
/// (<c>FieldName("sale.order.line", "tax_id")</c> is <c>tax_ids</c> on 19), all from <see cref="SchemaChanges"/>.
/// </summary>
internal sealed class SchemaVersion
{
    private readonly Dictionary<(string Model, string Field), string> _renamed = [];
    private readonly HashSet<(string Model, string Field)> _removed = [];
    private readonly HashSet<(string Model, string Field)> _addedHere = [];
    private readonly HashSet<(string Model, string Field)> _addedElsewhere = [];

    public SchemaVersion(int major, IReadOnlyList<SchemaChange>? extra = null)
    {
        Major = major;
        foreach (var change in SchemaChanges.All.Concat(extra ?? []))
        {
            var key = (change.Model, change.Field);
            switch (change.Kind)
            {
                case SchemaChangeKind.Renamed when change.AppliesTo(major):
                    _renamed[key] = change.NewName!;
                    break;
                case SchemaChangeKind.Removed when change.AppliesTo(major):
                    _removed.Add(key);
                    break;
                case SchemaChangeKind.Added:
                    (change.AppliesTo(major) ? _addedHere : _addedElsewhere).Add(key);
                    break;
            }
        }
    }

    public int Major { get; }

    /// <summary>The played version's name of the field the 17 catalog calls <paramref name="field17"/>.</summary>
    public string FieldName(string model, string field17) =>
        _removed.Contains((model, field17))
            ? throw new InvalidOperationException($"{model}.{field17} does not exist in Odoo {Major}.0: the simulator must not set it")
            : _renamed.GetValueOrDefault((model, field17), field17);

    /// <summary>Values written with 17 names, as the played version names them: renamed keys follow, fields it lacks are left out.</summary>
    public System.Text.Json.Nodes.JsonObject Values(string model, System.Text.Json.Nodes.JsonObject values17)
    {
        var result = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in values17)
        {
            if (Has(model, key))
            {
                result[_renamed.GetValueOrDefault((model, key), key)] = value?.DeepClone();
            }
        }

        return result;
    }

    /// <summary>True when the played version has the field (17 name, or the name of a field added in some version).</summary>
    public bool Has(string model, string field17) =>
        !_removed.Contains((model, field17)) && (_addedHere.Contains((model, field17)) || !_addedElsewhere.Contains((model, field17)));

    /// <summary>
    /// SQL that is true for a storable product template (alias <paramref name="template"/>): <c>is_storable</c> from 18
    /// (stock's "Track Inventory"), <c>detailed_type = 'product'</c> in 16 and 17 (stock's "Storable Product").
    /// </summary>
    public string StorableSql(string template) => Has("product.template", "is_storable")
        ? $"{template}.\"is_storable\" IS TRUE"
        : $"{template}.\"detailed_type\" = 'product'";
}
