namespace OdooPerf.LoadTests.Scenarios;

/// <summary>The Odoo apps (technical module names) the scenarios use; a scenario lists those it cannot run without.</summary>
internal static class OdooApps
{
    public const string Sales = "sale_management";
    public const string Inventory = "stock";
    public const string Purchase = "purchase";
    public const string Invoicing = "account";
    public const string Crm = "crm";

    /// <summary>Every app a scenario may ask for: the preflight asks the server which of these are installed.</summary>
    public static readonly IReadOnlyList<string> All = [Sales, Inventory, Purchase, Invoicing, Crm];

    /// <summary>What the tester reads in an error: the module name and the app's menu name.</summary>
    public static string Describe(string module) => module switch
    {
        Sales => "sale_management (Sales)",
        Inventory => "stock (Inventory)",
        Purchase => "purchase (Purchase)",
        Invoicing => "account (Invoicing)",
        Crm => "crm (CRM)",
        _ => module,
    };
}
