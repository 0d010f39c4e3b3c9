using OdooPerf.OdooSim.Catalog;

namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// The models of a simulated database. Every table exists whatever is installed (simpler schema); a model
/// of a module that is not installed is unknown to RPC callers, as in Odoo.
/// </summary>
internal sealed class Registry
{
    private readonly Dictionary<string, ModelDef> _models;

    public Registry(IEnumerable<string> apps)
    {
        _models = AllModels().ToDictionary(m => m.Name, StringComparer.Ordinal);
        InstalledModules = ModuleGraph.Installed(apps);
    }

    public IReadOnlySet<string> InstalledModules { get; }

    public IEnumerable<ModelDef> Models => _models.Values;

    public bool IsInstalled(string module) => InstalledModules.Contains(module);

    /// <summary>A model callers may use: known, of an installed module, not internal.</summary>
    public bool TryGetPublic(string name, out ModelDef model) =>
        _models.TryGetValue(name, out model!) && !model.Internal && InstalledModules.Contains(model.Module);

    /// <summary>A model for the simulator's own use, installed or not.</summary>
    public ModelDef this[string name] => _models[name];

    public static IEnumerable<ModelDef> AllModels() =>
        BaseModels.All().Concat(SaleModels.All()).Concat(StockModels.All()).Concat(PurchaseModels.All()).Concat(AccountModels.All()).Concat(CrmModels.All());
}
