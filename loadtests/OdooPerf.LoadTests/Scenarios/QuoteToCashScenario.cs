using System.Text.Json.Nodes;
using OdooPerf.Load.Scenarios;
using OdooPerf.LoadTests.Schema;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// <c>quote-to-cash</c>: a salesperson's quotation to a paid invoice, as the web client of the server's version makes the calls. Find
/// the customer as typed in the customer field (or, on a database without customers, create one), open a new
/// quotation, find 1 to 4 products as typed on the lines, save it, confirm it; open the delivery and validate it
/// (answering Odoo's dialogs, see <see cref="StockValidation"/>); create the invoice with the "Create Invoice" dialog
/// (<c>sale.advance.payment.inv</c>, invoicing delivered quantities), post it; register the payment with the
/// "Register Payment" dialog. Writes: quotations (customer reference <see cref="SeedData.OrderReference"/>),
/// deliveries (stock moves out of the warehouse), posted customer invoices and payments.
/// </summary>
internal sealed class QuoteToCashScenario : OdooScenario
{
    public const string ScenarioName = "quote-to-cash";

    public override string Name => ScenarioName;

    public override string Summary => "quotation with 1-4 lines, confirm, validate the delivery, invoice, post, register payment";

    public override string? Writes => "quotations and sale orders, delivered stock moves, posted customer invoices, payments";

    public override IReadOnlyList<string> RequiredApps => [OdooApps.Sales, OdooApps.Inventory, OdooApps.Invoicing];

    public override IReadOnlyList<string> Models =>
    [
        "res.partner", "product.product", "sale.order", "sale.order.line", "stock.picking", "stock.move", "account.move",
        "sale.advance.payment.inv", "account.payment.register",
    ];

    /// <summary>What quote-to-cash sends, built from the server's fields.</summary>
    internal sealed record Forms(
        OdooSpecification Order,
        OdooSpecification Picking,
        OdooSpecification Invoice,
        OdooSpecification InvoiceDialog,
        OdooSpecification PaymentDialog,
        string LineQuantity);

    public override object ResolveFields(ScenarioFields fields, OdooRunData run)
    {
        fields.Require("res.partner", "customer_rank");
        fields.Require("product.product", "sale_ok");
        fields.Require("sale.order", "client_order_ref");
        return new Forms(
            fields.Spec("sale.order", s => s.Fields("name", "state", "amount_untaxed", "amount_tax", "amount_total", "invoice_status")
                .Field("partner_id", f => f.Fields("display_name"))
                .Field("order_line", f => f.Fields("name", "product_uom_qty", "price_unit", "price_subtotal").Field("product_id", p => p.Fields("display_name")))),
            StockForms.Picking(fields),
            fields.Spec("account.move", s => s.Fields("name", "state", "move_type", "invoice_date", "amount_total", "amount_residual", "payment_state")
                .Field("partner_id", f => f.Fields("display_name"))),
            fields.Spec("sale.advance.payment.inv", s => s.Fields("advance_payment_method")),
            fields.Spec("account.payment.register", s => s.Fields("amount", "payment_date", "communication")),
            fields.Name("sale.order.line", "product_uom_qty"));
    }

    public override async Task PrepareAsync(OdooSetup setup)
    {
        var customers = await RecordPool.LoadAsync(setup, "preflight_customers", "res.partner", SeedData.Customers,
            OdooDomain.Where("customer_rank", ">", 0).And("type", "=", "contact")).ConfigureAwait(false);
        var products = await RecordPool.LoadAsync(setup, "preflight_products", "product.product",
            SeedData.Products.And("sale_ok", "=", true), OdooDomain.Where("sale_ok", "=", true).And("type", "!=", "service")).ConfigureAwait(false);
        if (products.IsEmpty)
        {
            throw new LoadStartException(
                $"{ScenarioName}: database {setup.Client.Database} has no saleable goods (product.product with sale_ok and a type other than service); create some with 'odooperf-load seed --products N'");
        }

        setup.Run.Set(ScenarioName, new SalesData(customers, products));
    }

    public override async Task RunAsync(OdooIteration iteration)
    {
        var data = iteration.Run.Get<SalesData>(ScenarioName);
        var forms = iteration.Run.Forms<Forms>(ScenarioName);
        var customer = await CustomerAsync(iteration, data).ConfigureAwait(false);
        if (customer is null)
        {
            return;
        }

        // "New" on the Quotations list: the form's defaults.
        if (await iteration.Call("new_quotation", (client, ct) => client.NewRecordAsync("sale.order", forms.Order, cancellationToken: ct)).ConfigureAwait(false) is null)
        {
            return;
        }

        var lines = new JsonArray();
        var count = iteration.Between(1, 4);
        for (var line = 1; line <= count; line++)
        {
            var product = data.Products.Pick();
            if (await iteration.Call("search_product", (client, ct) => client.NameSearchAsync("product.product", Typed(product.Name),
                    OdooDomain.Where("sale_ok", "=", true), limit: 8, cancellationToken: ct)).ConfigureAwait(false) is null)
            {
                return;
            }

            lines.Add(new JsonArray(0, $"virtual_{line}", new JsonObject { ["product_id"] = product.Id, [forms.LineQuantity] = iteration.Between(1, 5) }));
        }

        using var progress = iteration.Document();
        var saved = await iteration.Save("save_quotation", "sale.order", [],
            new JsonObject { ["partner_id"] = customer.Value, ["client_order_ref"] = SeedData.OrderReference, ["order_line"] = lines },
            forms.Order).ConfigureAwait(false);
        if (saved is null)
        {
            return;
        }

        var order = saved.GetId();
        progress.At(Stages.Quotation);
        if (await iteration.Call("confirm_order", (client, ct) => client.CallButtonAsync("sale.order", "action_confirm", [order], cancellationToken: ct)).ConfigureAwait(false) is null)
        {
            return;
        }

        progress.At(Stages.Confirmed);
        if (!await DeliverAsync(iteration, order, forms).ConfigureAwait(false))
        {
            return;
        }

        progress.At(Stages.Delivered);
        var invoice = await InvoiceAsync(iteration, order, forms, progress).ConfigureAwait(false);
        if (invoice is null)
        {
            return;
        }

        if (await iteration.Call("post_invoice", (client, ct) => client.CallButtonAsync("account.move", "action_post", [invoice.Value], cancellationToken: ct)).ConfigureAwait(false) is null)
        {
            return;
        }

        progress.At(Stages.Posted);
        if (await RegisterPaymentAsync(iteration, invoice.Value, forms).ConfigureAwait(false))
        {
            progress.Finish();
        }
    }

    /// <summary>Where a sale order can be left mid-flow, for the report's count of unfinished documents.</summary>
    internal static class Stages
    {
        public const string Quotation = "quotation saved, not confirmed";
        public const string Confirmed = "order confirmed, not delivered";
        public const string Delivered = "delivered, not invoiced";
        public const string Invoiced = "invoice created, not posted";
        public const string Posted = "invoice posted, not paid";
    }

    /// <summary>The customer as typed in the customer field; a new one when the database has none (then kept by this user).</summary>
    private static async Task<long?> CustomerAsync(OdooIteration iteration, SalesData data)
    {
        if (!data.Customers.IsEmpty)
        {
            var customer = data.Customers.Pick();
            var found = await iteration.Call("search_customer", (client, ct) => client.NameSearchAsync("res.partner", Typed(customer.Name),
                limit: 8, context: new JsonObject { ["res_partner_search_mode"] = "customer" }, cancellationToken: ct)).ConfigureAwait(false);
            return found is null ? null : customer.Id;
        }

        const string key = "odooperf.quote-to-cash.customer";
        if (iteration.Context.State.TryGetValue(key, out var known) && known is long id)
        {
            return id;
        }

        var created = await iteration.Save("create_customer", "res.partner", [],
            new JsonObject { ["name"] = $"OdooPerf customer {iteration.UniqueSuffix}", ["is_company"] = true, ["email"] = $"{iteration.UniqueSuffix}@example.com" },
            OdooSpecification.Of("display_name"), new JsonObject { ["res_partner_search_mode"] = "customer" }).ConfigureAwait(false);
        if (created is null)
        {
            return null;
        }

        iteration.Context.State[key] = created.GetId();
        return created.GetId();
    }

    /// <summary>The "Delivery" smart button, the transfer's form, then Validate.</summary>
    private static async Task<bool> DeliverAsync(OdooIteration iteration, long order, Forms forms)
    {
        var action = await iteration.Call("open_delivery", (client, ct) =>
            client.CallButtonAsync("sale.order", "action_view_delivery", [order], cancellationToken: ct)).ConfigureAwait(false);
        if (action is null)
        {
            return false;
        }

        if (OdooActions.ResId(action) is not { } picking)
        {
            // Several transfers (a multi-step route): a list; this flow validates single-step deliveries only.
            return true;
        }

        return await iteration.Call("read_delivery", (client, ct) => client.WebReadAsync("stock.picking", [picking], forms.Picking, cancellationToken: ct)).ConfigureAwait(false) is not null
            && await StockValidation.ValidateAsync(iteration, picking, "delivery_").ConfigureAwait(false);
    }

    /// <summary>"Create Invoice" on the order: the dialog saved with the order as active record, its button, the invoice's form.</summary>
    private static async Task<long?> InvoiceAsync(OdooIteration iteration, long order, Forms forms, DocumentProgress progress)
    {
        var context = OdooContext.Active("sale.order", order);
        var dialog = await iteration.Save("invoice_dialog", "sale.advance.payment.inv", [],
            new JsonObject { ["advance_payment_method"] = "delivered" }, forms.InvoiceDialog, context).ConfigureAwait(false);
        if (dialog is null)
        {
            return null;
        }

        // 16's dialog has two buttons; "Create and View Invoice" (the primary one) carries open_invoices, without which
        // 16 closes the dialog instead of opening the invoice. From 17 the button always opens it.
        var buttonContext = OdooContext.Active("sale.order", order);
        if (iteration.Run.Version.Major <= 16)
        {
            buttonContext["open_invoices"] = true;
        }

        var created = await iteration.Call("create_invoice", (client, ct) => client.CallButtonAsync("sale.advance.payment.inv", "create_invoices",
            [dialog.GetId()], (JsonObject)buttonContext.DeepClone(), ct), OdooActions.ResId, "the button opened no invoice").ConfigureAwait(false);
        if (created is not { } invoice)
        {
            return null;
        }

        progress.At(Stages.Invoiced);

        return await iteration.Call("read_invoice", (client, ct) => client.WebReadAsync("account.move", [invoice], forms.Invoice, cancellationToken: ct)).ConfigureAwait(false) is null
            ? null
            : invoice;
    }

    /// <summary>"Register Payment" on the posted invoice: the action, the dialog saved with its context, "Create Payment".</summary>
    private static async Task<bool> RegisterPaymentAsync(OdooIteration iteration, long invoice, Forms forms)
    {
        var action = await iteration.Call("payment_dialog", (client, ct) =>
            client.CallButtonAsync("account.move", "action_register_payment", [invoice], cancellationToken: ct)).ConfigureAwait(false);
        if (action is null)
        {
            return false;
        }

        var context = OdooActions.Context(action);
        var wizard = await iteration.Save("save_payment", "account.payment.register", [], new JsonObject(), forms.PaymentDialog, context).ConfigureAwait(false);
        if (wizard is null)
        {
            return false;
        }

        return await iteration.Call("create_payment", (client, ct) => client.CallButtonAsync("account.payment.register", "action_create_payments",
            [wizard.GetId()], OdooActions.Context(action), ct)).ConfigureAwait(false) is not null;
    }

    /// <summary>What a user types to find a record: the first letters of its name.</summary>
    internal static string Typed(string name) => name.Length <= 4 ? name : name[..4];
}
