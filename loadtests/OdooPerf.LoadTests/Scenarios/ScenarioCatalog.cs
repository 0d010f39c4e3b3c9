namespace OdooPerf.LoadTests.Scenarios;

/// <summary>Every Odoo scenario by name, with the default mix weights the README documents.</summary>
internal static class ScenarioCatalog
{
    /// <summary>The scenarios in the order the help and the reports list them, each with its default weight in <c>mix</c>.</summary>
    public static readonly IReadOnlyList<(OdooScenario Scenario, int DefaultWeight)> All =
    [
        (new BrowseScenario(), 35),
        (new QuoteToCashScenario(), 20),
        (new ProcureToPayScenario(), 10),
        (new InventoryScenario(), 15),
        (new AccountingReportsScenario(), 5),
        (new CrmScenario(), 15),
    ];

    /// <summary>The names <c>--scenario</c> accepts: each scenario, and <c>mix</c>.</summary>
    public static IEnumerable<string> Names => All.Select(s => s.Scenario.Name).Append(ScenarioMix.MixName);

    public static OdooScenario? Find(string name) => All.FirstOrDefault(s => s.Scenario.Name == name).Scenario;
}
