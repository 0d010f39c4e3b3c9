using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OdooPerf.LoadTests.Schema;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// <c>accounting-reports</c>, read-only: an accountant's reports, rendered as the web client does, with grouped reads
/// over the whole ledger. Odoo Community has no Trial Balance or Aged Receivable report (those are Enterprise's
/// <c>account_reports</c>, which render through <c>account.report</c>'s own RPC); the community screens used for the
/// same questions are read here: a trial balance (posted journal items of the year grouped by account with debit,
/// credit and balance sums, then one account expanded as the grouped list does), an aged receivable (unreconciled
/// posted receivable items grouped by customer, then the pivot of customer by due month), and Invoicing > Reporting >
/// Invoice Analysis (<c>account.invoice.report</c>'s pivot by month and by product). Judged against the reports' bound.
/// </summary>
internal sealed class AccountingReportsScenario : OdooScenario
{
    public const string ScenarioName = "accounting-reports";

    public override string Name => ScenarioName;

    public override string Summary => "trial balance by account (one expanded), aged receivable by customer and due month, invoice analysis pivots";

    public override string? Writes => null;

    public override IReadOnlyList<string> RequiredApps => [OdooApps.Invoicing];

    public override bool IsReport => true;

    private static readonly OdooDomain Receivable = OdooDomain.Where("account_type", "=", "asset_receivable")
        .And("reconciled", "=", false).And("parent_state", "=", "posted");

    private static readonly OdooDomain CustomerInvoices = OdooDomain.Where("state", "not in", new JsonArray("draft", "cancel"))
        .And("move_type", "in", new JsonArray("out_invoice", "out_refund"));

    public override IReadOnlyList<string> Models => ["account.move.line", "account.invoice.report"];

    public override object ResolveFields(ScenarioFields fields, OdooRunData run)
    {
        fields.Require("account.move.line", "account_type", "reconciled", "parent_state", "account_id", "debit", "credit", "amount_residual", "date_maturity");
        fields.Require("account.invoice.report", "state", "move_type", "invoice_date", "price_subtotal", "quantity", "product_id");
        return fields.Spec("account.move.line", s => s.Fields("date", "move_name", "name", "debit", "credit", "balance")
            .Field("partner_id", f => f.Fields("display_name")));
    }

    public override async Task RunAsync(OdooIteration iteration)
    {
        var journalItems = iteration.Run.Forms<OdooSpecification>(ScenarioName);
        var yearStart = new DateTime(DateTime.UtcNow.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var posted = OdooDomain.Where("parent_state", "=", "posted").And("date", ">=", yearStart);
        var balance = await iteration.Call("trial_balance", (client, ct) => client.WebReadGroupAsync("account.move.line", posted, ["account_id"],
            ["debit:sum", "credit:sum", "balance:sum"], limit: 80, cancellationToken: ct)).ConfigureAwait(false);
        if (balance is null)
        {
            return;
        }

        var accounts = GroupIds(balance.Result, "account_id");
        if (accounts.Count > 0)
        {
            var account = iteration.Pick(accounts);
            if (await iteration.Call("trial_balance_account", (client, ct) => client.WebSearchReadAsync("account.move.line",
                    posted.And("account_id", "=", account), journalItems, limit: 80, order: "date DESC, move_name DESC, id", cancellationToken: ct)).ConfigureAwait(false) is null)
            {
                return;
            }
        }

        if (await iteration.Call("aged_receivable", (client, ct) => client.WebReadGroupAsync("account.move.line", Receivable, ["partner_id"],
                ["amount_residual:sum"], limit: 80, cancellationToken: ct)).ConfigureAwait(false) is null
            || await iteration.Call("aged_receivable_by_month", (client, ct) => client.PivotReadGroupAsync("account.move.line", Receivable, ["partner_id"],
                ["date_maturity:month"], ["amount_residual:sum"], cancellationToken: ct)).ConfigureAwait(false) is null
            || await iteration.Call("invoice_analysis", (client, ct) => client.PivotReadGroupAsync("account.invoice.report", CustomerInvoices, ["invoice_date:month"],
                [], ["price_subtotal:sum"], cancellationToken: ct)).ConfigureAwait(false) is null)
        {
            return;
        }

        await iteration.Call("invoice_analysis_by_product", (client, ct) => client.PivotReadGroupAsync("account.invoice.report", CustomerInvoices, ["product_id"],
            [], ["price_subtotal:sum", "quantity:sum"], cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>The ids a grouped read grouped by (<c>{"groups": [{"account_id": [id, name], ...}]}</c>, or a plain list of groups).</summary>
    internal static IReadOnlyList<long> GroupIds(JsonElement result, string field)
    {
        var groups = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("groups", out var inner) ? inner : result;
        var ids = new List<long>();
        if (groups.ValueKind == JsonValueKind.Array)
        {
            foreach (var group in groups.EnumerateArray())
            {
                if (OdooRecords.Many2One(group, field) is { } id)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }
}
