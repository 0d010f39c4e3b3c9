using System.Globalization;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Business;

/// <summary>
/// Purchase: RFQ numbering and totals, confirmation (a receipt when Inventory is installed), the vendor
/// bill from received (or ordered) quantities, and the smart buttons.
/// </summary>
internal static class PurchaseFlow
{
    public static void Register(MethodTable table, Dictionary<string, IModelHooks> hooks)
    {
        hooks["purchase.order"] = new OrderHooks();
        hooks["purchase.order.line"] = new LineHooks();
        table.Model("purchase.order", "button_confirm", MethodKind.Multi, ConfirmAsync);
        table.Model("purchase.order", "button_cancel", MethodKind.Multi, c => SetStateAsync(c, "cancel"));
        table.Model("purchase.order", "button_draft", MethodKind.Multi, c => SetStateAsync(c, "draft"));
        table.Model("purchase.order", "action_create_invoice", MethodKind.Multi, CreateBillAsync);
        table.Model("purchase.order", "action_view_invoice", MethodKind.Multi, ViewBillsAsync);
        table.Model("purchase.order", "action_view_picking", MethodKind.Multi, ViewReceiptAsync);
    }

    public static async Task RecomputeAsync(Env env, IReadOnlyCollection<int> orderIds)
    {
        if (orderIds.Count == 0)
        {
            return;
        }

        var ids = orderIds.Distinct().ToArray();
        await env.Cr.ExecuteAsync("""
            UPDATE "purchase_order_line" l SET
              "price_subtotal" = round(l."product_qty" * l."price_unit", 2),
              "price_tax" = round(l."product_qty" * l."price_unit" * COALESCE((SELECT sum(t."amount") FROM "account_tax_purchase_order_line_rel" r JOIN "account_tax" t ON t.id = r."account_tax_id" WHERE r."purchase_order_line_id" = l.id AND t."amount_type" = 'percent'), 0) / 100, 2),
              "qty_invoiced" = COALESCE((SELECT sum(CASE WHEN m."move_type" = 'in_refund' THEN -aml."quantity" ELSE aml."quantity" END)
                  FROM "account_move_line" aml JOIN "account_move" m ON m.id = aml."move_id" WHERE aml."purchase_line_id" = l.id AND m."state" <> 'cancel'), 0),
              "qty_received" = CASE WHEN EXISTS (SELECT 1 FROM "stock_move" sm WHERE sm."purchase_line_id" = l.id)
                  THEN COALESCE((SELECT sum(sm."quantity") FROM "stock_move" sm WHERE sm."purchase_line_id" = l.id AND sm."state" = 'done'), 0)
                  ELSE l."qty_received" END
            WHERE l."order_id" = ANY($1)
            """, ids).ConfigureAwait(false);
        await env.Cr.ExecuteAsync("""
            UPDATE "purchase_order_line" l SET "price_total" = l."price_subtotal" + l."price_tax" WHERE l."order_id" = ANY($1)
            """, ids).ConfigureAwait(false);
        await env.Cr.ExecuteAsync("""
            UPDATE "purchase_order" o SET
              "amount_untaxed" = COALESCE((SELECT sum(l."price_subtotal") FROM "purchase_order_line" l WHERE l."order_id" = o.id), 0),
              "amount_tax" = COALESCE((SELECT sum(l."price_tax") FROM "purchase_order_line" l WHERE l."order_id" = o.id), 0),
              "amount_total" = COALESCE((SELECT sum(l."price_total") FROM "purchase_order_line" l WHERE l."order_id" = o.id), 0),
              "invoice_status" = CASE WHEN o."state" NOT IN ('purchase', 'done') THEN 'no'
                  WHEN EXISTS (SELECT 1 FROM "purchase_order_line" l JOIN "product_product" p ON p.id = l."product_id" JOIN "product_template" t ON t.id = p."product_tmpl_id"
                      WHERE l."order_id" = o.id AND l."display_type" IS NULL AND (CASE WHEN t."purchase_method" = 'purchase' THEN l."product_qty" ELSE l."qty_received" END) > l."qty_invoiced") THEN 'to invoice'
                  WHEN NOT EXISTS (SELECT 1 FROM "purchase_order_line" l WHERE l."order_id" = o.id AND l."display_type" IS NULL AND l."qty_invoiced" < l."product_qty") THEN 'invoiced'
                  ELSE 'no' END,
              "receipt_status" = CASE WHEN NOT EXISTS (SELECT 1 FROM "stock_picking" p WHERE p."purchase_id" = o.id AND p."state" <> 'cancel') THEN NULL
                  WHEN NOT EXISTS (SELECT 1 FROM "stock_picking" p WHERE p."purchase_id" = o.id AND p."state" NOT IN ('done', 'cancel')) THEN 'full'
                  WHEN EXISTS (SELECT 1 FROM "stock_picking" p WHERE p."purchase_id" = o.id AND p."state" = 'done') THEN 'partial'
                  ELSE 'pending' END
            WHERE o.id = ANY($1)
            """, ids).ConfigureAwait(false);
    }

    private static async Task<JsonNode?> ConfirmAsync(MethodCall c)
    {
        c.Args.Bind();
        var env = c.Env;
        await env.Orm.EnsureExistAsync(env, c.Model, c.Ids).ConfigureAwait(false);
        var toConfirm = await env.Cr.IdsAsync("SELECT id FROM \"purchase_order\" WHERE id = ANY($1) AND \"state\" IN ('draft', 'sent') ORDER BY id", c.Ids).ConfigureAwait(false);
        await env.Cr.ExecuteAsync("UPDATE \"purchase_order\" SET \"state\" = 'purchase', \"date_approve\" = $2 WHERE id = ANY($1)", toConfirm, env.Now).ConfigureAwait(false);
        if (env.Registry.IsInstalled("purchase_stock"))
        {
            foreach (var order in toConfirm)
            {
                await CreateReceiptAsync(env, order).ConfigureAwait(false);
            }
        }

        await RecomputeAsync(env, toConfirm).ConfigureAwait(false);
        return true;
    }

    private static async Task CreateReceiptAsync(Env env, int orderId)
    {
        var lines = await env.Cr.QueryAsync("""
            SELECT l.id, l."product_id", l."product_qty", l."name", l."product_uom"
            FROM "purchase_order_line" l JOIN "product_product" p ON p.id = l."product_id" JOIN "product_template" t ON t.id = p."product_tmpl_id"
            WHERE l."order_id" = $1 AND l."display_type" IS NULL AND t."type" IN ('product', 'consu') AND l."product_qty" > 0 ORDER BY l."sequence", l.id
            """, orderId).ConfigureAwait(false);
        if (lines.Count == 0)
        {
            return;
        }

        var order = (await env.Cr.QueryAsync("SELECT \"name\", \"partner_id\" FROM \"purchase_order\" WHERE id = $1", orderId).ConfigureAwait(false))[0];
        var pickingType = await env.Cr.IntAsync("SELECT id FROM \"stock_picking_type\" WHERE \"code\" = 'incoming' ORDER BY \"sequence\", id LIMIT 1").ConfigureAwait(false);
        var moves = new JsonArray(lines.Select(line => (JsonNode?)new JsonArray(0, 0, env.Runtime.Schema.Values("stock.move", new JsonObject
        {
            ["product_id"] = Convert.ToInt32(line[1], CultureInfo.InvariantCulture),
            ["product_uom_qty"] = Convert.ToDouble(line[2], CultureInfo.InvariantCulture),
            [env.Runtime.Schema.FieldName("stock.move", "product_uom")] = line[4] is null ? false : Convert.ToInt32(line[4], CultureInfo.InvariantCulture),
            ["name"] = (string?)line[3],
            ["purchase_line_id"] = Convert.ToInt32(line[0], CultureInfo.InvariantCulture),
        }))).ToArray());
        var picking = await env.Orm.CreateAsync(env, env.Model("stock.picking"), new JsonObject
        {
            ["picking_type_id"] = pickingType,
            ["partner_id"] = Convert.ToInt32(order[1], CultureInfo.InvariantCulture),
            ["origin"] = (string?)order[0],
            ["purchase_id"] = orderId,
            ["move_ids"] = moves,
        }).ConfigureAwait(false);
        await StockFlow.ConfirmAndAssignAsync(env, [picking]).ConfigureAwait(false);
    }

    private static async Task<JsonNode?> SetStateAsync(MethodCall c, string state)
    {
        c.Args.Bind();
        if (state == "cancel")
        {
            var pickings = await c.Env.Cr.IdsAsync("SELECT id FROM \"stock_picking\" WHERE \"purchase_id\" = ANY($1) AND \"state\" NOT IN ('done', 'cancel')", c.Ids).ConfigureAwait(false);
            await StockFlow.CancelAsync(c.Env, pickings).ConfigureAwait(false);
        }

        await c.Env.Orm.WriteAsync(c.Env, c.Model, c.Ids, new JsonObject { ["state"] = state }).ConfigureAwait(false);
        return true;
    }

    /// <summary>purchase.order.action_create_invoice: one draft bill per order with what is left to bill.</summary>
    private static async Task<JsonNode?> CreateBillAsync(MethodCall c)
    {
        c.Args.Bind();
        var env = c.Env;
        await RecomputeAsync(env, c.Ids).ConfigureAwait(false);
        var bills = new List<int>();
        foreach (var orderId in c.Ids)
        {
            var lines = await env.Cr.QueryAsync("""
                SELECT l.id, l."product_id", l."name", (CASE WHEN t."purchase_method" = 'purchase' THEN l."product_qty" ELSE l."qty_received" END) - l."qty_invoiced", l."price_unit"
                FROM "purchase_order_line" l JOIN "product_product" p ON p.id = l."product_id" JOIN "product_template" t ON t.id = p."product_tmpl_id"
                JOIN "purchase_order" o ON o.id = l."order_id"
                WHERE l."order_id" = $1 AND l."display_type" IS NULL AND o."state" IN ('purchase', 'done')
                  AND (CASE WHEN t."purchase_method" = 'purchase' THEN l."product_qty" ELSE l."qty_received" END) > l."qty_invoiced"
                ORDER BY l."sequence", l.id
                """, orderId).ConfigureAwait(false);
            if (lines.Count == 0)
            {
                continue;
            }

            var order = (await env.Cr.QueryAsync("SELECT \"name\", \"partner_id\", \"partner_ref\", \"user_id\" FROM \"purchase_order\" WHERE id = $1", orderId).ConfigureAwait(false))[0];
            var invoiceLines = new JsonArray();
            foreach (var line in lines)
            {
                var taxes = await env.Cr.IdsAsync("SELECT \"account_tax_id\" FROM \"account_tax_purchase_order_line_rel\" WHERE \"purchase_order_line_id\" = $1", line[0]).ConfigureAwait(false);
                invoiceLines.Add(new JsonArray(0, 0, new JsonObject
                {
                    ["product_id"] = Convert.ToInt32(line[1], CultureInfo.InvariantCulture),
                    ["name"] = $"{order[0]}: {line[2]}",
                    ["quantity"] = Convert.ToDouble(line[3], CultureInfo.InvariantCulture),
                    ["price_unit"] = Convert.ToDouble(line[4], CultureInfo.InvariantCulture),
                    ["purchase_line_id"] = Convert.ToInt32(line[0], CultureInfo.InvariantCulture),
                    ["tax_ids"] = new JsonArray(new JsonArray(6, 0, Values.IdArray(taxes))),
                }));
            }

            bills.Add(await env.Orm.CreateAsync(env, env.Model("account.move"), new JsonObject
            {
                ["move_type"] = "in_invoice",
                ["partner_id"] = Convert.ToInt32(order[1], CultureInfo.InvariantCulture),
                ["ref"] = (string?)order[2],
                ["invoice_origin"] = (string?)order[0],
                ["invoice_user_id"] = order[3] is null ? false : Convert.ToInt32(order[3], CultureInfo.InvariantCulture),
                ["invoice_line_ids"] = invoiceLines,
            }).ConfigureAwait(false));
        }

        if (bills.Count == 0)
        {
            throw OdooException.UserError("There is no invoiceable line. If a product has a control policy based on received quantity, please make sure that a quantity has been received.");
        }

        await RecomputeAsync(env, c.Ids).ConfigureAwait(false);
        return await BillActionAsync(env, bills.ToArray()).ConfigureAwait(false);
    }

    private static async Task<JsonNode?> ViewBillsAsync(MethodCall c)
    {
        var a = c.Args.Bind("invoices");
        var bills = Values.IsTruthy(a["invoices"])
            ? Values.ToIds(a["invoices"])
            : await c.Env.Cr.IdsAsync(
                "SELECT DISTINCT aml.\"move_id\" FROM \"purchase_order_line\" pol JOIN \"account_move_line\" aml ON aml.\"purchase_line_id\" = pol.id WHERE pol.\"order_id\" = ANY($1) ORDER BY 1",
                c.Ids).ConfigureAwait(false);
        return await BillActionAsync(c.Env, bills).ConfigureAwait(false);
    }

    private static async Task<JsonObject> BillActionAsync(Env env, int[] bills)
    {
        if (bills.Length == 0)
        {
            return new JsonObject { ["type"] = "ir.actions.act_window_close" };
        }

        var action = await Actions.ForXmlIdAsync(env, "account.action_move_in_invoice_type").ConfigureAwait(false);
        if (bills.Length > 1)
        {
            action["domain"] = new JsonArray(new JsonArray("id", "in", Values.IdArray(bills)));
        }
        else
        {
            action["views"] = new JsonArray(new JsonArray(Actions.ViewIds["account.view_move_form"], "form"));
            action["res_id"] = bills[0];
        }

        return action;
    }

    private static async Task<JsonNode?> ViewReceiptAsync(MethodCall c)
    {
        c.Args.Bind();
        var pickings = await c.Env.Cr.IdsAsync("SELECT id FROM \"stock_picking\" WHERE \"purchase_id\" = ANY($1) ORDER BY id", c.Ids).ConfigureAwait(false);
        var action = await Actions.ForXmlIdAsync(c.Env, "stock.action_picking_tree_all").ConfigureAwait(false);
        if (pickings.Length == 1)
        {
            action["views"] = new JsonArray(new JsonArray(Actions.ViewIds["stock.view_picking_form"], "form"));
            action["res_id"] = pickings[0];
        }
        else
        {
            action["domain"] = new JsonArray(new JsonArray("id", "in", Values.IdArray(pickings)));
        }

        return action;
    }

    private sealed class OrderHooks : IModelHooks
    {
        public async ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values)
        {
            if (values["name"]?.ToString() is null or "New" or "/")
            {
                values["name"] = await Sequences.PurchaseOrderAsync(env.Cr).ConfigureAwait(false);
            }
        }

        public ValueTask AfterChangeAsync(Env env, ModelDef model, int[] ids, IReadOnlyCollection<string> changed) => new(RecomputeAsync(env, ids));

        public async ValueTask BeforeUnlinkAsync(Env env, ModelDef model, int[] ids)
        {
            if (await env.Cr.IntAsync("SELECT count(*) FROM \"purchase_order\" WHERE id = ANY($1) AND \"state\" NOT IN ('draft', 'cancel')", ids).ConfigureAwait(false) > 0)
            {
                throw OdooException.UserError("In order to delete a purchase order, you must cancel it first.");
            }
        }
    }

    private sealed class LineHooks : IModelHooks
    {
        public ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values) => ProductDefaultsAsync(env, values, overwrite: false);

        public async ValueTask BeforeWriteAsync(Env env, ModelDef model, int[] ids, JsonObject values)
        {
            if (values.ContainsKey("product_id"))
            {
                await ProductDefaultsAsync(env, values, overwrite: true).ConfigureAwait(false);
            }
        }

        public async ValueTask AfterChangeAsync(Env env, ModelDef model, int[] ids, IReadOnlyCollection<string> changed)
        {
            var orders = await env.Cr.IdsAsync("SELECT DISTINCT \"order_id\" FROM \"purchase_order_line\" WHERE id = ANY($1)", ids).ConfigureAwait(false);
            await RecomputeAsync(env, orders).ConfigureAwait(false);
        }

        private static async ValueTask ProductDefaultsAsync(Env env, JsonObject values, bool overwrite)
        {
            if (Values.IsFalsy(values["product_id"]))
            {
                return;
            }

            var row = (await env.Cr.QueryAsync("""
                SELECT CASE WHEN p."default_code" IS NOT NULL THEN '[' || p."default_code" || '] ' || t."name" ELSE t."name" END, t."standard_price", t."uom_id"
                FROM "product_product" p JOIN "product_template" t ON t.id = p."product_tmpl_id" WHERE p.id = $1
                """, Values.ToInt(values["product_id"])).ConfigureAwait(false)).FirstOrDefault();
            if (row is null)
            {
                return;
            }

            SaleFlow.SetIf(values, "name", (string?)row[0], overwrite);
            SaleFlow.SetIf(values, "price_unit", Convert.ToDouble(row[1], CultureInfo.InvariantCulture), overwrite);
            SaleFlow.SetIf(values, env.Runtime.Schema.FieldName("purchase.order.line", "product_uom"), row[2] is null ? null : Convert.ToInt32(row[2], CultureInfo.InvariantCulture), overwrite);
            SaleFlow.SetIf(values, "date_planned", Values.Datetime(env.Now), overwrite: false);
        }
    }
}
