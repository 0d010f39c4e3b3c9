using OdooPerf.OdooSim.Catalog;

namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// The models of a simulated database. Every table exists whatever is installed (simpler schema); a model
/// of a module that is not installed is unknown to RPC callers, as in Odoo.
/// </summary>
internal sealed class Registry
{
    private readonly Dictionary<string, ModelDef> _models;

    public Registry(IEnumerable<string> apps, int major = 17, IEnumerable<string>? removedFields = null)
    {
        var removals = SchemaChanges.Removals(removedFields ?? []);
        Schema = new SchemaVersion(major, removals);
        _models = SchemaChanges.ForVersion(Catalog(), major, removals).ToDictionary(m => m.Name, StringComparer.Ordinal);
        InstalledModules = ModuleGraph.Installed(apps);
    }

    /// <summary>The played version's field names (<see cref="SchemaChanges"/>).</summary>
    public SchemaVersion Schema { get; }

    public IReadOnlySet<string> InstalledModules { get; }

    public IEnumerable<ModelDef> Models => _models.Values;

    public bool IsInstalled(string module) => InstalledModules.Contains(module);

    /// <summary>A model callers may use: known, of an installed module, not internal.</summary>
    public bool TryGetPublic(string name, out ModelDef model) =>
        _models.TryGetValue(name, out model!) && !model.Internal && InstalledModules.Contains(model.Module);

    /// <summary>A model for the simulator's own use, installed or not.</summary>
    public ModelDef this[string name] => _models[name];

    /// <summary>Every model with every column any version uses: what the database is created with, whatever the version.</summary>
    public static IEnumerable<ModelDef> AllModels() => SchemaChanges.Storage(Catalog());

    /// <summary>The models as Odoo 17 declares them (<c>Catalog/*Models.cs</c>).</summary>
    public static IEnumerable<ModelDef> Catalog() =>
        BaseModels.All().Concat(SaleModels.All()).Concat(StockModels.All()).Concat(PurchaseModels.All()).Concat(AccountModels.All()).Concat(CrmModels.All());
}
