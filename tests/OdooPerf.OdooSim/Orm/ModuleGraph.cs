namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// The modules behind the apps a simulated database has installed: an app pulls its dependencies, and
/// bridge modules (<c>sale_stock</c>, <c>stock_sms</c>, ...) install themselves when all they depend on is
/// installed, as Odoo's <c>auto_install</c> does.
/// </summary>
internal static class ModuleGraph
{
    /// <summary>The apps a default simulator has, the ones the load scenarios use.</summary>
    public static readonly IReadOnlyList<string> DefaultApps = ["sale_management", "stock", "purchase", "account", "crm"];

    private static readonly Dictionary<string, (string Title, bool Application, string[] Depends, bool AutoInstall)> Modules = new(StringComparer.Ordinal)
    {
        ["base"] = ("Base", false, [], false),
        ["web"] = ("Web", false, ["base"], false),
        ["uom"] = ("Units of measure", false, ["base"], false),
        ["product"] = ("Products & Pricelists", false, ["base", "uom"], false),
        ["account"] = ("Invoicing", true, ["product"], false),
        ["sale"] = ("Sales", false, ["account", "product"], false),
        ["sale_management"] = ("Sales", true, ["sale"], false),
        ["stock"] = ("Inventory", true, ["product"], false),
        ["stock_sms"] = ("Stock - SMS", false, ["stock"], true),
        ["stock_account"] = ("WMS Accounting", false, ["stock", "account"], true),
        ["sale_stock"] = ("Sales and Warehouse Management", false, ["sale", "stock"], true),
        ["purchase"] = ("Purchase", true, ["account"], false),
        ["purchase_stock"] = ("Purchase Stock", false, ["purchase", "stock"], true),
        ["crm"] = ("CRM", true, ["base"], false),
        ["sale_crm"] = ("Opportunity to Quotation", false, ["sale", "crm"], true),
    };

    public static IEnumerable<string> Known => Modules.Keys;

    public static string Title(string module) => Modules[module].Title;

    public static bool IsApplication(string module) => Modules[module].Application;

    /// <summary>Every module installed when <paramref name="apps"/> are.</summary>
    public static IReadOnlySet<string> Installed(IEnumerable<string> apps)
    {
        var installed = new HashSet<string>(StringComparer.Ordinal) { "base", "web" };
        foreach (var app in apps)
        {
            if (!Modules.ContainsKey(app))
            {
                throw new ArgumentException($"unknown app '{app}' (known: {string.Join(", ", Modules.Where(m => m.Value.Application).Select(m => m.Key))})");
            }

            AddWithDependencies(app, installed);
        }

        bool added;
        do
        {
            added = false;
            foreach (var (name, module) in Modules)
            {
                if (module.AutoInstall && !installed.Contains(name) && module.Depends.All(installed.Contains))
                {
                    installed.Add(name);
                    added = true;
                }
            }
        }
        while (added);

        return installed;
    }

    private static void AddWithDependencies(string module, HashSet<string> installed)
    {
        if (installed.Add(module))
        {
            foreach (var dependency in Modules[module].Depends)
            {
                AddWithDependencies(dependency, installed);
            }
        }
    }
}
