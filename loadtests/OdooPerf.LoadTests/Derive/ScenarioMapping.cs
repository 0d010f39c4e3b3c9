using OdooPerf.LoadTests.Scenarios;

namespace OdooPerf.LoadTests.Derive;

/// <summary>
/// Which scenario a model call belongs to: sales documents and their invoicing and payment dialogs to quote-to-cash,
/// purchase to procure-to-pay, stock to inventory, grouped reads of journal items and the accounting reports' models
/// to accounting-reports, CRM to crm; anything else (contacts, products, settings, other apps) to browse, writes
/// included: browse is the closest of the scenarios, not an exact replay of them.
/// </summary>
internal static class ScenarioMapping
{
    public static string For(string? model, string? method)
    {
        if (model is null)
        {
            return BrowseScenario.ScenarioName;
        }

        if (model.StartsWith("sale.", StringComparison.Ordinal) || model is "account.payment.register")
        {
            return QuoteToCashScenario.ScenarioName;
        }

        if (model.StartsWith("purchase.", StringComparison.Ordinal))
        {
            return ProcureToPayScenario.ScenarioName;
        }

        if (model.StartsWith("stock.", StringComparison.Ordinal))
        {
            return InventoryScenario.ScenarioName;
        }

        if (model is "account.invoice.report" || model.StartsWith("account.report", StringComparison.Ordinal)
            || (model is "account.move.line" && method is "read_group" or "web_read_group" or "read_progress_bar" or "formatted_read_group" or "formatted_read_grouping_sets"))
        {
            return AccountingReportsScenario.ScenarioName;
        }

        return model.StartsWith("crm.", StringComparison.Ordinal) ? CrmScenario.ScenarioName : BrowseScenario.ScenarioName;
    }
}
