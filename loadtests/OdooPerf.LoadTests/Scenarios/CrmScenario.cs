using System.Text.Json.Nodes;
using OdooPerf.LoadTests.Schema;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// <c>crm</c>: a salesperson's pipeline, as the web client of the server's version makes the calls. The pipeline kanban (columns by
/// stage, then the cards), a new lead saved from its form, converted to an opportunity through the "Convert to
/// opportunity" dialog (<c>crm.lead2opportunity.partner</c>, linked to an existing customer, or creating one when the
/// database has none), then, where Sales is installed, "New Quotation" on the opportunity and the quotation saved
/// with the defaults Odoo returned, and the opportunity marked won. Writes: leads and opportunities (contact name
/// <see cref="SeedData.OrderReference"/>), customers when the database has none, quotations linked to them.
/// </summary>
internal sealed class CrmScenario : OdooScenario
{
    public const string ScenarioName = "crm";

    public override string Name => ScenarioName;

    public override string Summary => "pipeline, a new lead converted to an opportunity, a quotation from it (with Sales), marked won";

    public override string? Writes => "leads and opportunities, quotations from them (with Sales), customers when there are none";

    public override IReadOnlyList<string> RequiredApps => [OdooApps.Crm];

    private static readonly OdooDomain Opportunities = OdooDomain.Where("type", "=", "opportunity");

    public override IReadOnlyList<string> Models => ["crm.lead", "crm.lead2opportunity.partner", "res.partner", "product.product", "sale.order", "sale.order.line"];

    /// <summary>What crm sends, built from the server's fields; the quotation's only where Sales is installed.</summary>
    internal sealed record Forms(OdooSpecification Cards, OdooSpecification Lead, OdooSpecification Conversion, OdooSpecification? Quotation, string? LineQuantity);

    public override object ResolveFields(ScenarioFields fields, OdooRunData run)
    {
        fields.Require("res.partner", "customer_rank");
        var cards = fields.Spec("crm.lead", s => s.Fields("name", "expected_revenue", "probability", "priority")
            .Field("partner_id", f => f.Fields("display_name"))
            .Field("stage_id", f => f.Fields("display_name"))
            .Field("user_id", f => f.Fields("display_name")));
        var lead = fields.Spec("crm.lead", s => s.Fields("name", "type", "contact_name", "partner_name", "email_from", "expected_revenue", "probability")
            .Field("stage_id", f => f.Fields("display_name")));
        var conversion = fields.Spec("crm.lead2opportunity.partner", s => s.Fields("name", "action").Field("lead_id", f => f.Fields("display_name")));
        if (!run.Has(OdooApps.Sales))
        {
            return new Forms(cards, lead, conversion, null, null);
        }

        fields.Require("product.product", "sale_ok");
        var quotation = fields.Spec("sale.order", s => s.Fields("name", "state", "amount_total")
            .Field("partner_id", f => f.Fields("display_name"))
            .Field("opportunity_id", f => f.Fields("display_name")));
        return new Forms(cards, lead, conversion, quotation, fields.Name("sale.order.line", "product_uom_qty"));
    }

    public override async Task PrepareAsync(OdooSetup setup)
    {
        var customers = await RecordPool.LoadAsync(setup, "preflight_crm_customers", "res.partner", SeedData.Customers,
            OdooDomain.Where("customer_rank", ">", 0).And("type", "=", "contact")).ConfigureAwait(false);
        var products = setup.Run.Has(OdooApps.Sales)
            ? await RecordPool.LoadAsync(setup, "preflight_crm_products", "product.product", SeedData.Products.And("sale_ok", "=", true),
                OdooDomain.Where("sale_ok", "=", true)).ConfigureAwait(false)
            : new RecordPool([]);
        setup.Run.Set(ScenarioName, new SalesData(customers, products));
    }

    public override async Task RunAsync(OdooIteration iteration)
    {
        var data = iteration.Run.Get<SalesData>(ScenarioName);
        var forms = iteration.Run.Forms<Forms>(ScenarioName);
        if (await iteration.Call("pipeline", (client, ct) => client.WebReadGroupAsync("crm.lead", Opportunities, ["stage_id"],
                ["expected_revenue:sum"], limit: 80, cancellationToken: ct)).ConfigureAwait(false) is null
            || await iteration.Call("pipeline_cards", (client, ct) => client.WebSearchReadAsync("crm.lead", Opportunities, forms.Cards, limit: 80,
                order: "priority DESC, id DESC", countLimit: 10001, cancellationToken: ct)).ConfigureAwait(false) is null)
        {
            return;
        }

        var leadDefaults = new JsonObject { ["default_type"] = "lead" };
        using var progress = iteration.Document();
        var lead = await iteration.Save("save_lead", "crm.lead", [], new JsonObject
        {
            ["name"] = $"OdooPerf lead {iteration.UniqueSuffix}",
            ["type"] = "lead",
            ["contact_name"] = SeedData.OrderReference,
            ["partner_name"] = $"Prospect {iteration.UniqueSuffix}",
            ["email_from"] = $"lead-{iteration.UniqueSuffix}@example.com",
            ["expected_revenue"] = iteration.Between(1, 50) * 1000,
        }, forms.Lead, leadDefaults).ConfigureAwait(false);
        if (lead is null)
        {
            return;
        }

        var leadId = lead.GetId();
        progress.At("lead saved, not converted");
        var active = OdooContext.Active("crm.lead", leadId);
        var conversion = data.Customers.IsEmpty
            ? new JsonObject { ["name"] = "convert", ["action"] = "create" }
            : new JsonObject { ["name"] = "convert", ["action"] = "exist", ["partner_id"] = data.Customers.Pick().Id };
        var dialog = await iteration.Save("convert_dialog", "crm.lead2opportunity.partner", [], conversion, forms.Conversion, active).ConfigureAwait(false);
        if (dialog is null
            || await iteration.Call("convert", (client, ct) => client.CallButtonAsync("crm.lead2opportunity.partner", "action_apply", [dialog.GetId()],
                (JsonObject)active.DeepClone(), ct)).ConfigureAwait(false) is null)
        {
            return;
        }

        progress.At("opportunity, not won");
        if (forms.Quotation is not null && !await QuotationAsync(iteration, leadId, data, forms).ConfigureAwait(false))
        {
            return;
        }

        if (await iteration.Call("mark_won", (client, ct) => client.CallButtonAsync("crm.lead", "action_set_won_rainbowman", [leadId], cancellationToken: ct)).ConfigureAwait(false) is not null)
        {
            progress.Finish();
        }
    }

    /// <summary>"New Quotation" on the opportunity, then the quotation saved with the defaults the action carried.</summary>
    private static async Task<bool> QuotationAsync(OdooIteration iteration, long lead, SalesData data, Forms forms)
    {
        var action = await iteration.Call("new_quotation", (client, ct) => client.CallButtonAsync("crm.lead", "action_new_quotation", [lead], cancellationToken: ct)).ConfigureAwait(false);
        if (action is null)
        {
            return false;
        }

        var context = OdooActions.Context(action);
        var values = new JsonObject { ["client_order_ref"] = SeedData.OrderReference };
        if (!data.Products.IsEmpty)
        {
            values["order_line"] = new JsonArray(new JsonArray(0, "virtual_1", new JsonObject { ["product_id"] = data.Products.Pick().Id, [forms.LineQuantity!] = iteration.Between(1, 10) }));
        }

        return await iteration.Save("save_quotation", "sale.order", [], values, forms.Quotation!, context).ConfigureAwait(false) is not null;
    }
}
