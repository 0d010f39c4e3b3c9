using System.Globalization;
using System.Text.Json.Nodes;
using OdooPerf.Load.Scenarios;
using OdooPerf.LoadTests.Schema;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// <c>procure-to-pay</c>: a buyer's request for quotation to a posted vendor bill, as the web client of the server's version makes
/// the calls. Find the vendor as typed, open a new RFQ, find 1 to 3 products as typed on the lines, save it, confirm it
/// into a purchase order; open the receipt and validate it (answering Odoo's dialogs); create the bill, give it its
/// bill date (Odoo refuses to post a bill without one), post it. Writes: purchase orders (vendor reference
/// <see cref="SeedData.DocumentReference"/>: unique, since the bill inherits it and Odoo refuses to post two bills of
/// one vendor with the same reference), received stock moves into the warehouse, posted vendor bills.
/// </summary>
internal sealed class ProcureToPayScenario : OdooScenario
{
    public const string ScenarioName = "procure-to-pay";

    public override string Name => ScenarioName;

    public override string Summary => "RFQ with 1-3 lines, confirm, validate the receipt, vendor bill with its date, post";

    public override string? Writes => "purchase orders, received stock moves, posted vendor bills";

    public override IReadOnlyList<string> RequiredApps => [OdooApps.Purchase, OdooApps.Inventory, OdooApps.Invoicing];

    public override IReadOnlyList<string> Models => ["res.partner", "product.product", "purchase.order", "purchase.order.line", "stock.picking", "stock.move", "account.move"];

    /// <summary>What procure-to-pay sends, built from the server's fields.</summary>
    internal sealed record Forms(OdooSpecification Order, OdooSpecification Picking, OdooSpecification Bill, string LineQuantity);

    public override object ResolveFields(ScenarioFields fields, OdooRunData run)
    {
        fields.Require("res.partner", "supplier_rank");
        fields.Require("product.product", "purchase_ok");
        fields.Require("purchase.order", "partner_ref");
        return new Forms(
            fields.Spec("purchase.order", s => s.Fields("name", "state", "date_order", "amount_untaxed", "amount_total", "invoice_status")
                .Field("partner_id", f => f.Fields("display_name"))
                .Field("order_line", f => f.Fields("name", "product_qty", "qty_received", "price_unit", "price_subtotal").Field("product_id", p => p.Fields("display_name")))),
            StockForms.Picking(fields),
            fields.Spec("account.move", s => s.Fields("name", "state", "move_type", "invoice_date", "amount_total", "payment_state")
                .Field("partner_id", f => f.Fields("display_name"))),
            fields.Name("purchase.order.line", "product_qty"));
    }

    public override async Task PrepareAsync(OdooSetup setup)
    {
        var vendors = await RecordPool.LoadAsync(setup, "preflight_vendors", "res.partner", SeedData.Vendors,
            OdooDomain.Where("supplier_rank", ">", 0).And("type", "=", "contact")).ConfigureAwait(false);
        var products = await RecordPool.LoadAsync(setup, "preflight_purchasable", "product.product",
            SeedData.Products.And("purchase_ok", "=", true), OdooDomain.Where("purchase_ok", "=", true).And("type", "!=", "service")).ConfigureAwait(false);
        if (vendors.IsEmpty || products.IsEmpty)
        {
            throw new LoadStartException(
                $"{ScenarioName}: database {setup.Client.Database} has no {(vendors.IsEmpty ? "vendors (partners with supplier_rank > 0)" : "purchasable goods")}; create some with 'odooperf-load seed --vendors N --products N'");
        }

        setup.Run.Set(ScenarioName, new PurchaseData(vendors, products));
    }

    public override async Task RunAsync(OdooIteration iteration)
    {
        var data = iteration.Run.Get<PurchaseData>(ScenarioName);
        var forms = iteration.Run.Forms<Forms>(ScenarioName);
        var vendor = data.Vendors.Pick();
        if (await iteration.Call("search_vendor", (client, ct) => client.NameSearchAsync("res.partner", QuoteToCashScenario.Typed(vendor.Name),
                limit: 8, context: new JsonObject { ["res_partner_search_mode"] = "supplier" }, cancellationToken: ct)).ConfigureAwait(false) is null
            || await iteration.Call("new_rfq", (client, ct) => client.NewRecordAsync("purchase.order", forms.Order, cancellationToken: ct)).ConfigureAwait(false) is null)
        {
            return;
        }

        var lines = new JsonArray();
        var count = iteration.Between(1, 3);
        for (var line = 1; line <= count; line++)
        {
            var product = data.Products.Pick();
            if (await iteration.Call("search_product", (client, ct) => client.NameSearchAsync("product.product", QuoteToCashScenario.Typed(product.Name),
                    OdooDomain.Where("purchase_ok", "=", true), limit: 8, cancellationToken: ct)).ConfigureAwait(false) is null)
            {
                return;
            }

            lines.Add(new JsonArray(0, $"virtual_{line}", new JsonObject { ["product_id"] = product.Id, [forms.LineQuantity] = iteration.Between(5, 50) }));
        }

        using var progress = iteration.Document();
        var saved = await iteration.Save("save_rfq", "purchase.order", [],
            new JsonObject { ["partner_id"] = vendor.Id, ["partner_ref"] = SeedData.DocumentReference(iteration.UniqueSuffix), ["order_line"] = lines },
            forms.Order).ConfigureAwait(false);
        if (saved is null)
        {
            return;
        }

        var order = saved.GetId();
        progress.At(Stages.Rfq);
        if (await iteration.Call("confirm_order", (client, ct) => client.CallButtonAsync("purchase.order", "button_confirm", [order], cancellationToken: ct)).ConfigureAwait(false) is null)
        {
            return;
        }

        progress.At(Stages.Confirmed);
        if (!await ReceiveAsync(iteration, order, forms.Picking).ConfigureAwait(false))
        {
            return;
        }

        progress.At(Stages.Received);
        if (await BillAsync(iteration, order, forms.Bill, progress).ConfigureAwait(false))
        {
            progress.Finish();
        }
    }

    /// <summary>Where a purchase order can be left mid-flow, for the report's count of unfinished documents.</summary>
    internal static class Stages
    {
        public const string Rfq = "RFQ saved, not confirmed";
        public const string Confirmed = "order confirmed, not received";
        public const string Received = "received, not billed";
        public const string Billed = "bill created, not posted";
    }

    /// <summary>The "Receipt" smart button, the transfer's form, then Validate.</summary>
    private static async Task<bool> ReceiveAsync(OdooIteration iteration, long order, OdooSpecification pickingForm)
    {
        var action = await iteration.Call("open_receipt", (client, ct) =>
            client.CallButtonAsync("purchase.order", "action_view_picking", [order], cancellationToken: ct)).ConfigureAwait(false);
        if (action is null)
        {
            return false;
        }

        if (OdooActions.ResId(action) is not { } picking)
        {
            // Several receipts (a multi-step route): a list; this flow validates single-step receipts only.
            return true;
        }

        return await iteration.Call("read_receipt", (client, ct) => client.WebReadAsync("stock.picking", [picking], pickingForm, cancellationToken: ct)).ConfigureAwait(false) is not null
            && await StockValidation.ValidateAsync(iteration, picking, "receipt_").ConfigureAwait(false);
    }

    /// <summary>"Create Bill", the bill date as the accountant types it, Confirm.</summary>
    private static async Task<bool> BillAsync(OdooIteration iteration, long order, OdooSpecification billForm, DocumentProgress progress)
    {
        var created = await iteration.Call("create_bill", (client, ct) =>
            client.CallButtonAsync("purchase.order", "action_create_invoice", [order], cancellationToken: ct), OdooActions.ResId, "the button opened no bill").ConfigureAwait(false);
        if (created is not { } bill)
        {
            return false;
        }

        progress.At(Stages.Billed);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (await iteration.Save("set_bill_date", "account.move", [bill], new JsonObject { ["invoice_date"] = today }, billForm).ConfigureAwait(false) is null)
        {
            return false;
        }

        return await iteration.Call("post_bill", (client, ct) => client.CallButtonAsync("account.move", "action_post", [bill], cancellationToken: ct)).ConfigureAwait(false) is not null;
    }
}
