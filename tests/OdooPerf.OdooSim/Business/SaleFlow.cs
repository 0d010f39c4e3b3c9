using System.Globalization;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Business;

/// <summary>
/// Sales: order numbering and totals, line prices from products, and the buttons: confirm (a delivery
/// for the goods when Inventory is installed), cancel, back to quotation, lock, and the smart buttons
/// opening the delivery and the invoices.
/// </summary>
internal static class SaleFlow
{
    public static void Register(MethodTable table, Dictionary<string, IModelHooks> hooks)
    {
        hooks["sale.order"] = new OrderHooks();
        hooks["sale.order.line"] = new LineHooks();
        table.Model("sale.order", "action_confirm", MethodKind.Multi, ConfirmAsync);
        table.Model("sale.order", "action_cancel", MethodKind.Multi, c => SetStateAsync(c, "cancel"));
        table.Model("sale.order", "action_draft", MethodKind.Multi, c => SetStateAsync(c, "draft"));
        // 17+ lock with the locked flag; 16 has no such field and locks with state 'done' (16.0 sale_order.py action_done/action_unlock).
        table.Model("sale.order", "action_lock", MethodKind.Multi, c => WriteAsync(c, new JsonObject { ["locked"] = true }), minMajor: 17);
        table.Model("sale.order", "action_unlock", MethodKind.Multi, c => WriteAsync(c, new JsonObject { ["locked"] = false }), minMajor: 17);
        table.Model("sale.order", "action_done", MethodKind.Multi, c => WriteAsync(c, new JsonObject { ["state"] = "done" }), maxMajor: 16);
        table.Model("sale.order", "action_unlock", MethodKind.Multi, c => WriteAsync(c, new JsonObject { ["state"] = "sale" }), maxMajor: 16);
        table.Model("sale.order", "action_view_invoice", MethodKind.Multi, ViewInvoicesAsync);
        table.Model("sale.order", "action_view_delivery", MethodKind.Multi, ViewDeliveryAsync);
    }

    /// <summary>Line amounts, invoiced/delivered quantities and statuses, then order totals, in three statements.</summary>
    public static async Task RecomputeAsync(Env env, IReadOnlyCollection<int> orderIds)
    {
        if (orderIds.Count == 0)
        {
            return;
        }

        var ids = orderIds.Distinct().ToArray();
        await env.Cr.ExecuteAsync("""
            UPDATE "sale_order_line" l SET
              "price_subtotal" = round(l."product_uom_qty" * l."price_unit" * (1 - COALESCE(l."discount", 0) / 100), 2),
              "price_tax" = round(l."product_uom_qty" * l."price_unit" * (1 - COALESCE(l."discount", 0) / 100) * COALESCE((SELECT sum(t."amount") FROM "account_tax_sale_order_line_rel" r JOIN "account_tax" t ON t.id = r."account_tax_id" WHERE r."sale_order_line_id" = l.id AND t."amount_type" = 'percent'), 0) / 100, 2),
              "qty_invoiced" = COALESCE((SELECT sum(CASE WHEN m."move_type" = 'out_refund' THEN -aml."quantity" ELSE aml."quantity" END)
                  FROM "sale_order_line_invoice_rel" r JOIN "account_move_line" aml ON aml.id = r."invoice_line_id" JOIN "account_move" m ON m.id = aml."move_id"
                  WHERE r."order_line_id" = l.id AND m."state" <> 'cancel'), 0),
              "qty_delivered" = CASE WHEN EXISTS (SELECT 1 FROM "stock_move" sm WHERE sm."sale_line_id" = l.id)
                  THEN COALESCE((SELECT sum(sm."quantity") FROM "stock_move" sm JOIN "stock_location" dl ON dl.id = sm."location_dest_id" WHERE sm."sale_line_id" = l.id AND sm."state" = 'done' AND dl."usage" = 'customer'), 0)
                  ELSE l."qty_delivered" END
            WHERE l."order_id" = ANY($1)
            """, ids).ConfigureAwait(false);
        await env.Cr.ExecuteAsync("""
            UPDATE "sale_order_line" l SET
              "price_total" = l."price_subtotal" + l."price_tax",
              "qty_to_invoice" = CASE WHEN o."state" = 'sale' AND l."display_type" IS NULL THEN
                  (CASE WHEN t."invoice_policy" = 'delivery' THEN l."qty_delivered" ELSE l."product_uom_qty" END) - l."qty_invoiced" ELSE 0 END,
              "invoice_status" = CASE WHEN o."state" <> 'sale' OR l."display_type" IS NOT NULL THEN 'no'
                  WHEN (CASE WHEN t."invoice_policy" = 'delivery' THEN l."qty_delivered" ELSE l."product_uom_qty" END) - l."qty_invoiced" > 0 THEN 'to invoice'
                  WHEN l."qty_invoiced" >= l."product_uom_qty" THEN 'invoiced' ELSE 'no' END
            FROM "sale_order" o, "product_product" p, "product_template" t
            WHERE l."order_id" = o.id AND o.id = ANY($1) AND p.id = l."product_id" AND t.id = p."product_tmpl_id"
            """, ids).ConfigureAwait(false);
        await env.Cr.ExecuteAsync("""
            UPDATE "sale_order" o SET
              "amount_untaxed" = COALESCE((SELECT sum(l."price_subtotal") FROM "sale_order_line" l WHERE l."order_id" = o.id), 0),
              "amount_tax" = COALESCE((SELECT sum(l."price_tax") FROM "sale_order_line" l WHERE l."order_id" = o.id), 0),
              "amount_total" = COALESCE((SELECT sum(l."price_subtotal" + l."price_tax") FROM "sale_order_line" l WHERE l."order_id" = o.id), 0),
              "invoice_status" = CASE WHEN o."state" <> 'sale' THEN 'no'
                  WHEN EXISTS (SELECT 1 FROM "sale_order_line" l WHERE l."order_id" = o.id AND l."invoice_status" = 'to invoice') THEN 'to invoice'
                  WHEN EXISTS (SELECT 1 FROM "sale_order_line" l WHERE l."order_id" = o.id AND l."display_type" IS NULL)
                   AND NOT EXISTS (SELECT 1 FROM "sale_order_line" l WHERE l."order_id" = o.id AND l."display_type" IS NULL AND l."invoice_status" <> 'invoiced') THEN 'invoiced'
                  ELSE 'no' END
            WHERE o.id = ANY($1)
            """, ids).ConfigureAwait(false);
    }

    private static async Task<JsonNode?> ConfirmAsync(MethodCall c)
    {
        c.Args.Bind();
        await c.Env.Orm.EnsureExistAsync(c.Env, c.Model, c.Ids).ConfigureAwait(false);
        var states = await c.Env.Cr.QueryAsync("SELECT id, \"state\" FROM \"sale_order\" WHERE id = ANY($1)", c.Ids).ConfigureAwait(false);
        if (states.Any(r => (string?)r[1] is not ("draft" or "sent")))
        {
            throw OdooException.UserError("The following orders are not in a state requiring confirmation: " +
                string.Join(", ", await NamesAsync(c, states.Where(r => (string?)r[1] is not ("draft" or "sent")).Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ToArray()).ConfigureAwait(false)));
        }

        await c.Env.Cr.ExecuteAsync("UPDATE \"sale_order\" SET \"state\" = 'sale', \"date_order\" = $2, \"write_date\" = $2, \"write_uid\" = $3 WHERE id = ANY($1)",
            c.Ids, c.Env.Now, c.Env.Uid).ConfigureAwait(false);
        if (c.Env.Registry.IsInstalled("sale_stock"))
        {
            foreach (var orderId in c.Ids)
            {
                await CreateDeliveryAsync(c.Env, orderId).ConfigureAwait(false);
            }
        }

        await RecomputeAsync(c.Env, c.Ids).ConfigureAwait(false);
        return true;
    }

    /// <summary>sale_stock's procurement, reduced to what it leaves behind: one outgoing picking with a move per goods line, reserved.</summary>
    private static async Task CreateDeliveryAsync(Env env, int orderId)
    {
        var lines = await env.Cr.QueryAsync("""
            SELECT l.id, l."product_id", l."product_uom_qty", l."name", l."product_uom"
            FROM "sale_order_line" l JOIN "product_product" p ON p.id = l."product_id" JOIN "product_template" t ON t.id = p."product_tmpl_id"
            WHERE l."order_id" = $1 AND l."display_type" IS NULL AND t."type" IN ('product', 'consu') AND l."product_uom_qty" > 0
            ORDER BY l."sequence", l.id
            """, orderId).ConfigureAwait(false);
        if (lines.Count == 0)
        {
            return;
        }

        var order = (await env.Cr.QueryAsync("SELECT \"name\", \"partner_shipping_id\", \"partner_id\" FROM \"sale_order\" WHERE id = $1", orderId).ConfigureAwait(false))[0];
        var pickingType = await env.Cr.IntAsync("SELECT id FROM \"stock_picking_type\" WHERE \"code\" = 'outgoing' ORDER BY \"sequence\", id LIMIT 1").ConfigureAwait(false);
        var moves = new JsonArray();
        foreach (var line in lines)
        {
            moves.Add(new JsonArray(0, 0, env.Runtime.Schema.Values("stock.move", new JsonObject
            {
                ["product_id"] = Convert.ToInt32(line[1], CultureInfo.InvariantCulture),
                ["product_uom_qty"] = Convert.ToDouble(line[2], CultureInfo.InvariantCulture),
                [env.Runtime.Schema.FieldName("stock.move", "product_uom")] = line[4] is null ? false : Convert.ToInt32(line[4], CultureInfo.InvariantCulture),
                ["name"] = (string?)line[3],
                ["sale_line_id"] = Convert.ToInt32(line[0], CultureInfo.InvariantCulture),
            })));
        }

        var picking = await env.Orm.CreateAsync(env, env.Model("stock.picking"), new JsonObject
        {
            ["picking_type_id"] = pickingType,
            ["partner_id"] = Convert.ToInt32(order[1] ?? order[2], CultureInfo.InvariantCulture),
            ["origin"] = (string?)order[0],
            ["sale_id"] = orderId,
            ["move_ids"] = moves,
        }).ConfigureAwait(false);
        await StockFlow.ConfirmAndAssignAsync(env, [picking]).ConfigureAwait(false);
    }

    private static async Task<JsonNode?> SetStateAsync(MethodCall c, string state)
    {
        c.Args.Bind();
        if (state == "cancel")
        {
            var pickings = await c.Env.Cr.IdsAsync("SELECT id FROM \"stock_picking\" WHERE \"sale_id\" = ANY($1) AND \"state\" NOT IN ('done', 'cancel')", c.Ids).ConfigureAwait(false);
            await StockFlow.CancelAsync(c.Env, pickings).ConfigureAwait(false);
        }

        return await WriteAsync(c, new JsonObject { ["state"] = state }).ConfigureAwait(false);
    }

    private static async Task<JsonNode?> WriteAsync(MethodCall c, JsonObject values)
    {
        c.Args.Bind();
        await c.Env.Orm.WriteAsync(c.Env, c.Model, c.Ids, values).ConfigureAwait(false);
        return true;
    }

    /// <summary>sale.order.action_view_invoice: the invoice form when there is one, a list otherwise.</summary>
    public static async Task<JsonNode?> ViewInvoicesAsync(MethodCall c)
    {
        var a = c.Args.Bind("invoices");
        var invoices = a.Has("invoices") && a["invoices"] is not null && Values.IsTruthy(a["invoices"])
            ? Values.ToIds(a["invoices"])
            : await c.Env.Cr.IdsAsync("""
                SELECT DISTINCT aml."move_id" FROM "sale_order_line" sol JOIN "sale_order_line_invoice_rel" r ON r."order_line_id" = sol.id
                JOIN "account_move_line" aml ON aml.id = r."invoice_line_id" WHERE sol."order_id" = ANY($1) ORDER BY 1
                """, c.Ids).ConfigureAwait(false);
        return await InvoiceActionAsync(c.Env, c.Ids, invoices).ConfigureAwait(false);
    }

    public static async Task<JsonObject> InvoiceActionAsync(Env env, int[] orderIds, int[] invoices)
    {
        JsonObject action;
        if (invoices.Length > 1)
        {
            action = await Actions.ForXmlIdAsync(env, "account.action_move_out_invoice_type").ConfigureAwait(false);
            action["domain"] = new JsonArray(new JsonArray("id", "in", Values.IdArray(invoices)));
        }
        else if (invoices.Length == 1)
        {
            action = await Actions.ForXmlIdAsync(env, "account.action_move_out_invoice_type").ConfigureAwait(false);
            var views = new JsonArray(new JsonArray(Actions.ViewIds["account.view_move_form"], "form"));
            foreach (var view in (action["views"] as JsonArray)!.Where(v => v is JsonArray p && p[1]?.ToString() != "form"))
            {
                views.Add(view!.DeepClone());
            }

            action["views"] = views;
            action["res_id"] = invoices[0];
        }
        else
        {
            action = new JsonObject { ["type"] = "ir.actions.act_window_close" };
        }

        var context = new JsonObject { ["default_move_type"] = "out_invoice" };
        if (orderIds.Length == 1)
        {
            var order = (await env.Cr.QueryAsync("SELECT \"partner_id\", \"partner_shipping_id\", \"name\" FROM \"sale_order\" WHERE id = $1", orderIds[0]).ConfigureAwait(false))[0];
            context["default_partner_id"] = Convert.ToInt32(order[0], CultureInfo.InvariantCulture);
            context["default_partner_shipping_id"] = order[1] is null ? false : Convert.ToInt32(order[1], CultureInfo.InvariantCulture);
            context["default_invoice_payment_term_id"] = false;
            context["default_invoice_origin"] = (string?)order[2];
        }

        action["context"] = context;
        return action;
    }

    private static async Task<JsonNode?> ViewDeliveryAsync(MethodCall c)
    {
        c.Args.Bind();
        var pickings = await c.Env.Cr.IdsAsync("SELECT id FROM \"stock_picking\" WHERE \"sale_id\" = ANY($1) ORDER BY id", c.Ids).ConfigureAwait(false);
        var action = await Actions.ForXmlIdAsync(c.Env, "stock.action_picking_tree_all").ConfigureAwait(false);
        if (pickings.Length > 1)
        {
            action["domain"] = new JsonArray(new JsonArray("id", "in", Values.IdArray(pickings)));
        }
        else if (pickings.Length == 1)
        {
            action["views"] = new JsonArray(new JsonArray(Actions.ViewIds["stock.view_picking_form"], "form"));
            action["res_id"] = pickings[0];
        }

        action["context"] = new JsonObject { ["default_partner_id"] = false, ["default_origin"] = false };
        return action;
    }

    private static async Task<List<string>> NamesAsync(MethodCall c, int[] ids) =>
        (await c.Env.Orm.DisplayNamesAsync(c.Env, c.Model, ids).ConfigureAwait(false)).Values.ToList();

    private sealed class OrderHooks : IModelHooks
    {
        public async ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values)
        {
            if (values["name"]?.ToString() is null or "New" or "/")
            {
                values["name"] = await Sequences.SaleOrderAsync(env.Cr).ConfigureAwait(false);
            }

            if (Values.IsTruthy(values["partner_id"]))
            {
                values["partner_invoice_id"] = Values.IsTruthy(values["partner_invoice_id"]) ? values["partner_invoice_id"]!.DeepClone() : values["partner_id"]!.DeepClone();
                values["partner_shipping_id"] = Values.IsTruthy(values["partner_shipping_id"]) ? values["partner_shipping_id"]!.DeepClone() : values["partner_id"]!.DeepClone();
            }
        }

        public ValueTask AfterChangeAsync(Env env, ModelDef model, int[] ids, IReadOnlyCollection<string> changed) => new(RecomputeAsync(env, ids));

        public async ValueTask BeforeUnlinkAsync(Env env, ModelDef model, int[] ids)
        {
            var confirmed = await env.Cr.IntAsync("SELECT count(*) FROM \"sale_order\" WHERE id = ANY($1) AND \"state\" NOT IN ('draft', 'cancel')", ids).ConfigureAwait(false);
            if (confirmed > 0)
            {
                throw OdooException.UserError("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
            }
        }
    }

    private sealed class LineHooks : IModelHooks
    {
        public async ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values)
        {
            await ProductDefaultsAsync(env, values, overwrite: false).ConfigureAwait(false);
            if (Values.IsTruthy(values["order_id"]) && Values.IsFalsy(values["company_id"]))
            {
                values["company_id"] = await env.Cr.IntAsync("SELECT \"company_id\" FROM \"sale_order\" WHERE id = $1", Values.ToInt(values["order_id"])).ConfigureAwait(false);
            }
        }

        public async ValueTask BeforeWriteAsync(Env env, ModelDef model, int[] ids, JsonObject values)
        {
            if (values.ContainsKey("product_id"))
            {
                await ProductDefaultsAsync(env, values, overwrite: true).ConfigureAwait(false);
            }
        }

        public async ValueTask AfterChangeAsync(Env env, ModelDef model, int[] ids, IReadOnlyCollection<string> changed)
        {
            var orders = await env.Cr.IdsAsync("SELECT DISTINCT \"order_id\" FROM \"sale_order_line\" WHERE id = ANY($1)", ids).ConfigureAwait(false);
            await RecomputeAsync(env, orders).ConfigureAwait(false);
        }

        public async ValueTask BeforeUnlinkAsync(Env env, ModelDef model, int[] ids)
        {
            var confirmed = await env.Cr.IntAsync(
                "SELECT count(*) FROM \"sale_order_line\" l JOIN \"sale_order\" o ON o.id = l.\"order_id\" WHERE l.id = ANY($1) AND o.\"state\" = 'sale' AND l.\"display_type\" IS NULL",
                ids).ConfigureAwait(false);
            if (confirmed > 0)
            {
                throw OdooException.UserError("Once a sales order is confirmed, you can't remove one of its lines (we need to track if something gets invoiced or delivered).\nSet the quantity to 0 instead.");
            }
        }

        // _compute_name, _compute_price_unit, _compute_product_uom, _compute_tax_id from the product.
        private static async Task ProductDefaultsAsync(Env env, JsonObject values, bool overwrite)
        {
            if (Values.IsFalsy(values["product_id"]))
            {
                return;
            }

            var product = await env.Cr.QueryAsync("""
                SELECT t."name", p."default_code", t."list_price", t."uom_id", t.id, t."description_sale"
                FROM "product_product" p JOIN "product_template" t ON t.id = p."product_tmpl_id" WHERE p.id = $1
                """, Values.ToInt(values["product_id"])).ConfigureAwait(false);
            if (product.Count == 0)
            {
                return;
            }

            var row = product[0];
            var display = row[1] is string code ? $"[{code}] {row[0]}" : (string)row[0]!;
            SetIf(values, "name", row[5] is string description ? $"{display}\n{description}" : display, overwrite);
            SetIf(values, "price_unit", Convert.ToDouble(row[2], CultureInfo.InvariantCulture), overwrite);
            var schema = env.Runtime.Schema;
            SetIf(values, schema.FieldName("sale.order.line", "product_uom"), row[3] is null ? null : Convert.ToInt32(row[3], CultureInfo.InvariantCulture), overwrite);
            values["product_template_id"] = Convert.ToInt32(row[4], CultureInfo.InvariantCulture);
            var taxField = schema.FieldName("sale.order.line", "tax_id");
            if (!values.ContainsKey(taxField))
            {
                var taxes = await env.Cr.IdsAsync("SELECT \"tax_id\" FROM \"product_taxes_rel\" WHERE \"prod_id\" = $1", Convert.ToInt32(row[4], CultureInfo.InvariantCulture)).ConfigureAwait(false);
                if (taxes.Length > 0)
                {
                    values[taxField] = new JsonArray(new JsonArray(6, 0, Values.IdArray(taxes)));
                }
            }
        }
    }

    /// <summary>
    /// Sets a value derived from the product: on create unless the caller gave one, on a product change
    /// (<paramref name="overwrite"/>) unless the same write gives it.
    /// </summary>
    public static void SetIf(JsonObject values, string key, JsonNode? value, bool overwrite)
    {
        var given = values.ContainsKey(key) && (overwrite || Values.IsTruthy(values[key]) || Values.IsNumber(values[key]));
        if (!given)
        {
            values[key] = value;
        }
    }
}
