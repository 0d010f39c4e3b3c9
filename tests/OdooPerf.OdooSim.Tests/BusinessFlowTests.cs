using System.Text.Json.Nodes;
using Xunit;

namespace OdooPerf.OdooSim.Tests;

/// <summary>The business buttons end to end, as the web client presses them, checked in the tables afterwards.</summary>
public sealed class BusinessFlowTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Quote_to_cash_goes_through_the_sms_and_invoicing_wizards_to_a_paid_invoice()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        var customer = (await client.KwAsync("res.partner", "search", [new JsonArray(new JsonArray("name", "=", "Azure Interior"))])).AsArray()[0]!.GetValue<int>();
        var storable = (await client.KwAsync("product.product", "search", [new JsonArray(new JsonArray("detailed_type", "=", "product"))], new JsonObject { ["limit"] = 2 })).AsArray();

        var order = (await client.KwAsync("sale.order", "web_save", [new JsonArray(), new JsonObject
        {
            ["partner_id"] = customer,
            ["order_line"] = new JsonArray(
                new JsonArray(0, "virtual_1", new JsonObject { ["product_id"] = storable[0]!.DeepClone(), ["product_uom_qty"] = 3 }),
                new JsonArray(0, "virtual_2", new JsonObject { ["product_id"] = storable[1]!.DeepClone(), ["product_uom_qty"] = 2 })),
        }], new JsonObject { ["specification"] = new JsonObject { ["name"] = new JsonObject(), ["amount_total"] = new JsonObject() }, ["context"] = OdooTestClient.Context.DeepClone() })).AsArray()[0]!;
        var orderId = order["id"]!.GetValue<int>();
        Assert.Equal("S00001", order["name"]!.GetValue<string>());
        Assert.Equal((3 * 50) + (2 * 87), order["amount_total"]!.GetValue<double>());

        Assert.False((await client.ButtonAsync("sale.order", "action_confirm", orderId)).GetValue<bool>());
        var picking = (await client.KwAsync("sale.order", "read", [new JsonArray(orderId), new JsonArray("picking_ids")])).AsArray()[0]!["picking_ids"]![0]!.GetValue<int>();
        Assert.Equal("assigned", await fixture.ScalarAsync<string>(sim, $"SELECT state FROM stock_picking WHERE id = {picking}"));

        // Odoo 17 with stock_sms asks once per company before the first delivery is validated.
        var wizard = (await client.ButtonAsync("stock.picking", "button_validate", picking)).AsObject();
        Assert.Equal("confirm.stock.sms", wizard["res_model"]!.GetValue<string>());
        Assert.Equal("new", wizard["target"]!.GetValue<string>());
        Assert.Equal("assigned", await fixture.ScalarAsync<string>(sim, $"SELECT state FROM stock_picking WHERE id = {picking}"));
        Assert.False((await client.ButtonAsync("confirm.stock.sms", "send_sms", wizard["res_id"]!.GetValue<int>(), wizard["context"]!.AsObject())).GetValue<bool>());
        Assert.Equal("done", await fixture.ScalarAsync<string>(sim, $"SELECT state FROM stock_picking WHERE id = {picking}"));
        Assert.Equal(1_000_000m - 3, await fixture.ScalarAsync<decimal>(sim, $"SELECT quantity FROM stock_quant WHERE product_id = {storable[0]} AND location_id = (SELECT id FROM stock_location WHERE complete_name = 'WH/Stock')"));

        var invoicingContext = OdooTestClient.Context.DeepClone().AsObject();
        invoicingContext["active_model"] = "sale.order";
        invoicingContext["active_ids"] = new JsonArray(orderId);
        invoicingContext["active_id"] = orderId;
        var advance = (await client.KwAsync("sale.advance.payment.inv", "create", [new JsonObject { ["advance_payment_method"] = "delivered" }], new JsonObject { ["context"] = invoicingContext.DeepClone() })).GetValue<int>();
        var invoiceAction = (await client.ButtonAsync("sale.advance.payment.inv", "create_invoices", advance, invoicingContext)).AsObject();
        Assert.Equal("account.move", invoiceAction["res_model"]!.GetValue<string>());
        var invoice = invoiceAction["res_id"]!.GetValue<int>();

        Assert.False((await client.ButtonAsync("account.move", "action_post", invoice)).GetValue<bool>());
        Assert.Matches(@"^INV/\d{4}/00001$", await fixture.ScalarAsync<string>(sim, $"SELECT name FROM account_move WHERE id = {invoice}"));

        var registerAction = (await client.ButtonAsync("account.move", "action_register_payment", invoice)).AsObject();
        var paymentContext = OdooTestClient.Context.DeepClone().AsObject();
        foreach (var (key, value) in registerAction["context"]!.AsObject())
        {
            paymentContext[key] = value!.DeepClone();
        }

        var register = (await client.KwAsync("account.payment.register", "web_save", [new JsonArray(), new JsonObject()],
            new JsonObject { ["specification"] = new JsonObject { ["amount"] = new JsonObject() }, ["context"] = paymentContext.DeepClone() })).AsArray()[0]!;
        Assert.Equal(324.0, register["amount"]!.GetValue<double>());
        var paymentAction = (await client.ButtonAsync("account.payment.register", "action_create_payments", register["id"]!.GetValue<int>(), paymentContext)).AsObject();
        Assert.Equal("account.payment", paymentAction["res_model"]!.GetValue<string>());

        Assert.Equal("sale", await fixture.ScalarAsync<string>(sim, $"SELECT state FROM sale_order WHERE id = {orderId}"));
        Assert.Equal("invoiced", await fixture.ScalarAsync<string>(sim, $"SELECT invoice_status FROM sale_order WHERE id = {orderId}"));
        Assert.Equal("posted", await fixture.ScalarAsync<string>(sim, $"SELECT state FROM account_move WHERE id = {invoice}"));
        Assert.Equal("paid", await fixture.ScalarAsync<string>(sim, $"SELECT payment_state FROM account_move WHERE id = {invoice}"));
        Assert.Equal(0m, await fixture.ScalarAsync<decimal>(sim, $"SELECT amount_residual FROM account_move WHERE id = {invoice}"));
        Assert.Equal(324m, await fixture.ScalarAsync<decimal>(sim, "SELECT amount FROM account_payment"));

        // The question is asked once: the next delivery validates straight away.
        var second = await NewConfirmedOrderAsync(client, customer, storable[0]!.GetValue<int>());
        var secondPicking = (await client.KwAsync("sale.order", "read", [new JsonArray(second), new JsonArray("picking_ids")])).AsArray()[0]!["picking_ids"]![0]!.GetValue<int>();
        Assert.False((await client.ButtonAsync("stock.picking", "button_validate", secondPicking)).GetValue<bool>());
        Assert.Equal("done", await fixture.ScalarAsync<string>(sim, $"SELECT state FROM stock_picking WHERE id = {secondPicking}"));
    }

    [Fact]
    public async Task A_short_delivery_asks_about_a_backorder_and_creates_it()
    {
        await using var sim = await fixture.StartAsync(configure: o => o with { StockSmsWizard = false });
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        var customer = (await client.KwAsync("res.partner", "search", [new JsonArray(new JsonArray("customer_rank", ">", 0))], new JsonObject { ["limit"] = 1 })).AsArray()[0]!.GetValue<int>();
        var product = (await client.KwAsync("product.product", "search", [new JsonArray(new JsonArray("detailed_type", "=", "product"))], new JsonObject { ["limit"] = 1 })).AsArray()[0]!.GetValue<int>();
        var order = (await client.KwAsync("sale.order", "create", [new JsonObject
        {
            ["partner_id"] = customer, ["order_line"] = new JsonArray(new JsonArray(0, 0, new JsonObject { ["product_id"] = product, ["product_uom_qty"] = 5 })),
        }])).GetValue<int>();
        await client.ButtonAsync("sale.order", "action_confirm", order);
        var picking = (await client.KwAsync("sale.order", "read", [new JsonArray(order), new JsonArray("picking_ids")])).AsArray()[0]!["picking_ids"]![0]!.GetValue<int>();
        var move = (await client.KwAsync("stock.picking", "read", [new JsonArray(picking), new JsonArray("move_ids")])).AsArray()[0]!["move_ids"]![0]!.GetValue<int>();
        await client.KwAsync("stock.move", "write", [new JsonArray(move), new JsonObject { ["quantity"] = 2 }]);

        var question = (await client.ButtonAsync("stock.picking", "button_validate", picking)).AsObject();
        Assert.Equal("stock.backorder.confirmation", question["res_model"]!.GetValue<string>());
        var context = question["context"]!.AsObject();
        var wizard = (await client.KwAsync("stock.backorder.confirmation", "web_save", [new JsonArray(), new JsonObject()],
            new JsonObject { ["specification"] = new JsonObject { ["pick_ids"] = new JsonObject() }, ["context"] = context.DeepClone() })).AsArray()[0]!;
        Assert.Equal(picking, wizard["pick_ids"]![0]!.GetValue<int>());
        Assert.False((await client.ButtonAsync("stock.backorder.confirmation", "process", wizard["id"]!.GetValue<int>(), context)).GetValue<bool>());

        Assert.Equal("done", await fixture.ScalarAsync<string>(sim, $"SELECT state FROM stock_picking WHERE id = {picking}"));
        Assert.Equal(3m, await fixture.ScalarAsync<decimal>(sim, $"SELECT m.product_uom_qty FROM stock_move m JOIN stock_picking p ON p.id = m.picking_id WHERE p.backorder_id = {picking}"));
        Assert.Equal("assigned", await fixture.ScalarAsync<string>(sim, $"SELECT state FROM stock_picking WHERE backorder_id = {picking}"));
        Assert.Equal(2m, await fixture.ScalarAsync<decimal>(sim, $"SELECT qty_delivered FROM sale_order_line WHERE order_id = {order}"));
        // Two delivered, three reserved for the backorder: nothing else held.
        Assert.Equal(3m, await fixture.ScalarAsync<decimal>(sim, $"SELECT reserved_quantity FROM stock_quant WHERE product_id = {product} AND location_id = (SELECT id FROM stock_location WHERE complete_name = 'WH/Stock')"));
    }

    [Fact]
    public async Task An_internal_transfer_moves_stock_between_locations()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        var type = (await client.KwAsync("stock.picking.type", "search", [new JsonArray(new JsonArray("code", "=", "internal"))])).AsArray()[0]!.GetValue<int>();
        var product = (await client.KwAsync("product.product", "search", [new JsonArray(new JsonArray("detailed_type", "=", "product"))], new JsonObject { ["limit"] = 1 })).AsArray()[0]!.GetValue<int>();

        var picking = (await client.KwAsync("stock.picking", "web_save", [new JsonArray(), new JsonObject
        {
            ["picking_type_id"] = type,
            ["move_ids_without_package"] = new JsonArray(new JsonArray(0, "virtual_1", new JsonObject { ["name"] = "Office chair", ["product_id"] = product, ["product_uom_qty"] = 4 })),
        }], new JsonObject { ["specification"] = new JsonObject { ["name"] = new JsonObject(), ["location_dest_id"] = new JsonObject { ["fields"] = new JsonObject { ["display_name"] = new JsonObject() } } } })).AsArray()[0]!;
        var id = picking["id"]!.GetValue<int>();
        await client.ButtonAsync("stock.picking", "action_confirm", id);
        Assert.False((await client.ButtonAsync("stock.picking", "button_validate", id)).GetValue<bool>());

        Assert.Equal("WH/INT/00001", picking["name"]!.GetValue<string>());
        Assert.Equal("WH/Stock/Shelf 1", picking["location_dest_id"]!["display_name"]!.GetValue<string>());
        Assert.Equal("done", await fixture.ScalarAsync<string>(sim, $"SELECT state FROM stock_picking WHERE id = {id}"));
        var shelf = (await client.KwAsync("stock.quant", "search_read", [new JsonArray(new JsonArray("product_id", "=", product), new JsonArray("location_id.complete_name", "=", "WH/Stock/Shelf 1"))],
            new JsonObject { ["fields"] = new JsonArray("quantity", "location_id") })).AsArray();
        Assert.Equal(4.0, Assert.Single(shelf)!["quantity"]!.GetValue<double>());
        Assert.Equal(1_000_000m - 4, await fixture.ScalarAsync<decimal>(sim, $"SELECT quantity FROM stock_quant WHERE product_id = {product} AND location_id = (SELECT id FROM stock_location WHERE complete_name = 'WH/Stock')"));
    }

    [Fact]
    public async Task A_move_without_its_description_is_refused_as_Odoo_17_refuses_it()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        var type = (await client.KwAsync("stock.picking.type", "search", [new JsonArray(new JsonArray("code", "=", "internal"))])).AsArray()[0]!.GetValue<int>();
        var product = (await client.KwAsync("product.product", "search", [new JsonArray(new JsonArray("detailed_type", "=", "product"))], new JsonObject { ["limit"] = 1 })).AsArray()[0]!.GetValue<int>();

        var error = OdooTestClient.Error(await client.CallAsync("stock.picking", "web_save", [new JsonArray(), new JsonObject
        {
            ["picking_type_id"] = type,
            ["move_ids_without_package"] = new JsonArray(new JsonArray(0, "virtual_1", new JsonObject { ["product_id"] = product, ["product_uom_qty"] = 4 })),
        }], new JsonObject { ["specification"] = new JsonObject() }));

        Assert.Equal("odoo.exceptions.ValidationError", error["data"]!["name"]!.GetValue<string>());
        Assert.Contains("Field: Description (name)", error["data"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoicing_goods_before_delivery_is_the_UserError_Odoo_gives()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        var customer = (await client.KwAsync("res.partner", "search", [new JsonArray(new JsonArray("customer_rank", ">", 0))], new JsonObject { ["limit"] = 1 })).AsArray()[0]!.GetValue<int>();
        var product = (await client.KwAsync("product.product", "search", [new JsonArray(new JsonArray("detailed_type", "=", "product"))], new JsonObject { ["limit"] = 1 })).AsArray()[0]!.GetValue<int>();
        var order = await NewConfirmedOrderAsync(client, customer, product);

        var context = OdooTestClient.Context.DeepClone().AsObject();
        context["active_model"] = "sale.order";
        context["active_ids"] = new JsonArray(order);
        var wizard = (await client.KwAsync("sale.advance.payment.inv", "create", [new JsonObject()], new JsonObject { ["context"] = context.DeepClone() })).GetValue<int>();
        var response = await client.PostAsync("/web/dataset/call_button", new JsonObject
        {
            ["model"] = "sale.advance.payment.inv", ["method"] = "create_invoices", ["args"] = new JsonArray(new JsonArray(wizard)), ["kwargs"] = new JsonObject { ["context"] = context },
        });

        var error = OdooTestClient.Error(response);
        Assert.Equal("odoo.exceptions.UserError", error["data"]!["name"]!.GetValue<string>());
        Assert.StartsWith("Cannot create an invoice. No items are available to invoice.", error["data"]!["message"]!.GetValue<string>());
        Assert.Equal(0L, await fixture.ScalarAsync<long>(sim, "SELECT count(*) FROM account_move"));
    }

    [Fact]
    public async Task Procure_to_pay_confirms_receives_and_bills()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        var vendor = (await client.KwAsync("res.partner", "search", [new JsonArray(new JsonArray("supplier_rank", ">", 0))], new JsonObject { ["limit"] = 1 })).AsArray()[0]!.GetValue<int>();
        var product = (await client.KwAsync("product.product", "search", [new JsonArray(new JsonArray("detailed_type", "=", "product"))], new JsonObject { ["limit"] = 1 })).AsArray()[0]!.GetValue<int>();

        var rfq = (await client.KwAsync("purchase.order", "create", [new JsonObject
        {
            ["partner_id"] = vendor, ["order_line"] = new JsonArray(new JsonArray(0, 0, new JsonObject { ["product_id"] = product, ["product_qty"] = 10 })),
        }])).GetValue<int>();
        await client.ButtonAsync("purchase.order", "button_confirm", rfq);
        var receipt = (await client.KwAsync("purchase.order", "read", [new JsonArray(rfq), new JsonArray("picking_ids", "state")])).AsArray()[0]!;
        Assert.Equal("purchase", receipt["state"]!.GetValue<string>());
        var picking = receipt["picking_ids"]![0]!.GetValue<int>();
        Assert.False((await client.ButtonAsync("stock.picking", "button_validate", picking)).GetValue<bool>());
        var billAction = (await client.ButtonAsync("purchase.order", "action_create_invoice", rfq)).AsObject();
        var bill = billAction["res_id"]!.GetValue<int>();

        // As in Odoo 17, a bill cannot be posted without its date.
        var undated = OdooTestClient.Error(await client.PostAsync("/web/dataset/call_button", new JsonObject
        {
            ["model"] = "account.move", ["method"] = "action_post", ["args"] = new JsonArray(new JsonArray(bill)), ["kwargs"] = new JsonObject(),
        }));
        Assert.Equal("The Bill/Refund date is required to validate this document.", undated["data"]!["message"]!.GetValue<string>());
        await client.KwAsync("account.move", "web_save", [new JsonArray(bill), new JsonObject { ["invoice_date"] = "2024-03-05" }], new JsonObject { ["specification"] = new JsonObject() });
        await client.ButtonAsync("account.move", "action_post", bill);

        Assert.Equal("done", await fixture.ScalarAsync<string>(sim, $"SELECT state FROM stock_picking WHERE id = {picking}"));
        Assert.Equal(1_000_000m + 10, await fixture.ScalarAsync<decimal>(sim, $"SELECT quantity FROM stock_quant WHERE product_id = {product} AND location_id = (SELECT id FROM stock_location WHERE complete_name = 'WH/Stock')"));
        Assert.Equal("in_invoice", await fixture.ScalarAsync<string>(sim, $"SELECT move_type FROM account_move WHERE id = {bill}"));
        Assert.Equal("posted", await fixture.ScalarAsync<string>(sim, $"SELECT state FROM account_move WHERE id = {bill}"));
        Assert.Equal("invoiced", await fixture.ScalarAsync<string>(sim, $"SELECT invoice_status FROM purchase_order WHERE id = {rfq}"));
        Assert.Equal(10m, await fixture.ScalarAsync<decimal>(sim, $"SELECT qty_invoiced FROM purchase_order_line WHERE order_id = {rfq}"));
    }

    [Fact]
    public async Task A_lead_becomes_a_won_opportunity_with_a_quotation_action()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        var customer = (await client.KwAsync("res.partner", "search", [new JsonArray(new JsonArray("customer_rank", ">", 0))], new JsonObject { ["limit"] = 1 })).AsArray()[0]!.GetValue<int>();

        var lead = (await client.KwAsync("crm.lead", "create", [new JsonObject { ["name"] = "Big deal", ["type"] = "lead", ["contact_name"] = "Jane" }])).GetValue<int>();

        // The web client's "Convert to Opportunity" dialog, opened on the lead.
        var context = OdooTestClient.Context.DeepClone().AsObject();
        context["active_model"] = "crm.lead";
        context["active_id"] = lead;
        context["active_ids"] = new JsonArray(lead);
        var dialog = (await client.KwAsync("crm.lead2opportunity.partner", "web_save", [new JsonArray(), new JsonObject { ["action"] = "exist", ["partner_id"] = customer }],
            new JsonObject { ["specification"] = new JsonObject { ["lead_id"] = new JsonObject() }, ["context"] = context.DeepClone() })).AsArray()[0]!;
        Assert.Equal(lead, dialog["lead_id"]!.GetValue<int>());
        var opened = (await client.ButtonAsync("crm.lead2opportunity.partner", "action_apply", dialog["id"]!.GetValue<int>(), context)).AsObject();
        var action = (await client.ButtonAsync("crm.lead", "action_new_quotation", lead)).AsObject();
        await client.ButtonAsync("crm.lead", "action_set_won", lead);

        Assert.Equal("crm.lead", opened["res_model"]!.GetValue<string>());
        Assert.Equal(lead, opened["res_id"]!.GetValue<int>());
        Assert.Equal("sale.order", action["res_model"]!.GetValue<string>());
        Assert.Equal(lead, action["context"]!["default_opportunity_id"]!.GetValue<int>());
        Assert.Equal(customer, action["context"]!["default_partner_id"]!.GetValue<int>());
        Assert.Equal("opportunity", await fixture.ScalarAsync<string>(sim, $"SELECT type FROM crm_lead WHERE id = {lead}"));
        Assert.Equal(customer, await fixture.ScalarAsync<int>(sim, $"SELECT partner_id FROM crm_lead WHERE id = {lead}"));
        Assert.Equal(100m, await fixture.ScalarAsync<decimal>(sim, $"SELECT probability FROM crm_lead WHERE id = {lead}"));
        Assert.True(await fixture.ScalarAsync<bool>(sim, $"SELECT s.is_won FROM crm_lead l JOIN crm_stage s ON s.id = l.stage_id WHERE l.id = {lead}"));

        // Like Odoo 17, convert_opportunity wants a partner record: an id over RPC is an AttributeError.
        var other = (await client.KwAsync("crm.lead", "create", [new JsonObject { ["name"] = "Small deal" }])).GetValue<int>();
        var error = OdooTestClient.Error(await client.CallAsync("crm.lead", "convert_opportunity", [new JsonArray(other), customer]));
        Assert.Equal("'int' object has no attribute 'id'", error["data"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_app_that_is_not_installed_has_no_models_and_shows_uninstalled()
    {
        await using var sim = await fixture.StartAsync(configure: o => o with { InstalledApps = ["sale_management", "stock", "account"] });
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        var crm = OdooTestClient.Error(await client.CallAsync("crm.lead", "search", [new JsonArray()]));
        var states = (await client.KwAsync("ir.module.module", "search_read", [new JsonArray(new JsonArray("name", "in", new JsonArray("crm", "purchase", "sale_management", "stock_sms")))],
            new JsonObject { ["fields"] = new JsonArray("name", "state") })).AsArray().ToDictionary(m => m!["name"]!.GetValue<string>(), m => m!["state"]!.GetValue<string>());

        Assert.Equal("builtins.KeyError", crm["data"]!["name"]!.GetValue<string>());
        Assert.Equal("uninstalled", states["crm"]);
        Assert.Equal("uninstalled", states["purchase"]);
        Assert.Equal("installed", states["sale_management"]);
        Assert.Equal("installed", states["stock_sms"]);
    }

    private static async Task<int> NewConfirmedOrderAsync(OdooTestClient client, int customer, int product)
    {
        var order = (await client.KwAsync("sale.order", "create", [new JsonObject
        {
            ["partner_id"] = customer, ["order_line"] = new JsonArray(new JsonArray(0, 0, new JsonObject { ["product_id"] = product, ["product_uom_qty"] = 1 })),
        }])).GetValue<int>();
        await client.ButtonAsync("sale.order", "action_confirm", order);
        return order;
    }
}
