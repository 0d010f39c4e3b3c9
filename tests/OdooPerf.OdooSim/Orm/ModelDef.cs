using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// One simulated Odoo model: its table, fields, default order, display name and defaults. Everything
/// model-specific beyond that (buttons, wizards, recomputations) lives in <c>Business</c>.
/// </summary>
internal sealed class ModelDef
{
    public required string Name { get; init; }

    public required string Table { get; init; }

    public required string Description { get; init; }

    /// <summary>Technical name of the module that defines the model; the model exists only when it is installed.</summary>
    public required string Module { get; init; }

    public required IReadOnlyDictionary<string, FieldDef> Fields { get; init; }

    /// <summary>Default ORDER BY in Odoo's syntax (field names), e.g. <c>date_order desc, id desc</c>.</summary>
    public string Order { get; init; } = "id";

    /// <summary>SQL of <c>display_name</c> for alias <c>{0}</c>.</summary>
    public string DisplayNameSql { get; init; } = "{0}.\"name\"";

    /// <summary>Field <c>name_search</c> matches.</summary>
    public string RecName { get; init; } = "name";

    /// <summary>Wizards (transient models).</summary>
    public bool Transient { get; init; }

    /// <summary>A view over other tables: read-only.</summary>
    public bool IsView { get; init; }

    /// <summary>Not callable over RPC (API keys).</summary>
    public bool Internal { get; init; }

    /// <summary>Default values by field, evaluated at create and default_get; the context is the call's.</summary>
    public IReadOnlyDictionary<string, Func<DefaultContext, JsonNode?>> Defaults { get; init; } = new Dictionary<string, Func<DefaultContext, JsonNode?>>();

    /// <summary>
    /// Names another Odoo version has but this one does not (removed, renamed away, added later), with the source
    /// that says so: using one is Odoo's ValueError even when the simulator is lenient about fields it does not model.
    /// </summary>
    public IReadOnlyDictionary<string, string> Absent { get; init; } = new Dictionary<string, string>();

    public bool HasActive => Fields.ContainsKey("active");

    /// <summary>A copy with other fields, defaults, default order and absent names (a version's view of the catalog).</summary>
    public ModelDef With(IReadOnlyDictionary<string, FieldDef> fields, IReadOnlyDictionary<string, Func<DefaultContext, JsonNode?>> defaults, string order,
        IReadOnlyDictionary<string, string> absent) => new()
    {
        Name = Name,
        Table = Table,
        Description = Description,
        Module = Module,
        Fields = fields,
        Order = order,
        DisplayNameSql = DisplayNameSql,
        RecName = RecName,
        Transient = Transient,
        IsView = IsView,
        Internal = Internal,
        Defaults = defaults,
        Absent = absent,
    };

    public FieldDef Field(string name) => Fields.TryGetValue(name, out var field)
        ? field
        : throw OdooException.ValueError($"Invalid field '{name}' on model '{Name}'");

    public IEnumerable<FieldDef> StoredFields => Fields.Values.Where(f => f.IsStored);
}

/// <summary>What a default value may depend on.</summary>
internal sealed record DefaultContext(int Uid, int CompanyId, JsonObject Context, DateTime Now);
