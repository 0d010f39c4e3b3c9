using System.Globalization;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Business;

/// <summary>
/// Inventory: transfer numbering and defaults, reservation against the quants, and validation the way
/// Odoo 17's <c>button_validate</c> goes: sanity check, the backorder question, stock_sms's
/// <c>confirm.stock.sms</c> question (once per company), then the moves done and the quants moved.
/// </summary>
internal static class StockFlow
{
    public static void Register(MethodTable table, Dictionary<string, IModelHooks> hooks)
    {
        hooks["stock.picking"] = new PickingHooks();
        hooks["stock.move"] = new MoveHooks();

        // Settings' Save: turning Storage Locations on activates the warehouses' internal operation types, archived while
        // it is off (stock/models/res_config_settings.py set_values); then the web client reloads.
        table.Model("res.config.settings", "execute", MethodKind.Multi, async c =>
        {
            c.Args.Bind();
            var on = await c.Env.Cr.IdsAsync("SELECT id FROM \"res_config_settings\" WHERE id = ANY($1) AND \"group_stock_multi_locations\"", c.Ids).ConfigureAwait(false);
            if (on.Length > 0)
            {
                await c.Env.Cr.ExecuteAsync("UPDATE \"stock_picking_type\" SET \"active\" = true WHERE \"code\" = 'internal' AND \"warehouse_id\" IS NOT NULL").ConfigureAwait(false);
            }

            return new JsonObject { ["type"] = "ir.actions.client", ["tag"] = "reload" };
        });
        table.Model("stock.picking", "action_confirm", MethodKind.Multi, async c =>
        {
            c.Args.Bind();
            await ConfirmAndAssignAsync(c.Env, c.Ids).ConfigureAwait(false);
            return true;
        });
        table.Model("stock.picking", "action_assign", MethodKind.Multi, async c =>
        {
            c.Args.Bind();
            await AssignAsync(c.Env, c.Ids).ConfigureAwait(false);
            return true;
        });
        table.Model("stock.picking", "do_unreserve", MethodKind.Multi, async c =>
        {
            c.Args.Bind();
            await UnreserveAsync(c.Env, c.Ids).ConfigureAwait(false);
            return null;
        });
        table.Model("stock.picking", "action_cancel", MethodKind.Multi, async c =>
        {
            c.Args.Bind();
            await CancelAsync(c.Env, c.Ids).ConfigureAwait(false);
            return true;
        });
        table.Model("stock.picking", "button_validate", MethodKind.Multi, ButtonValidateAsync);
        table.Model("confirm.stock.sms", "send_sms", MethodKind.Multi, c => SmsAnswerAsync(c, keepSending: true));
        table.Model("confirm.stock.sms", "dont_send_sms", MethodKind.Multi, c => SmsAnswerAsync(c, keepSending: false));
        table.Model("stock.backorder.confirmation", "process", MethodKind.Multi, c => BackorderAnswerAsync(c, createBackorder: true));
        table.Model("stock.backorder.confirmation", "process_cancel_backorder", MethodKind.Multi, c => BackorderAnswerAsync(c, createBackorder: false));
        table.Model("stock.quant", "action_apply_inventory", MethodKind.Multi, ApplyInventoryAsync);
    }

    public static async Task ConfirmAndAssignAsync(Env env, int[] pickings)
    {
        await env.Cr.ExecuteAsync("UPDATE \"stock_move\" SET \"state\" = 'confirmed' WHERE \"picking_id\" = ANY($1) AND \"state\" = 'draft'", pickings).ConfigureAwait(false);
        await AssignAsync(env, pickings).ConfigureAwait(false);
    }

    /// <summary>Reserves what the source location holds (quants locked row by row), or everything for consumables and non-internal sources.</summary>
    public static async Task AssignAsync(Env env, int[] pickings)
    {
        var moves = await env.Cr.QueryAsync($"""
            SELECT m.id, m."product_id", m."location_id", m."product_uom_qty" - m."quantity", l."usage", {env.Runtime.Schema.StorableSql("t")}
            FROM "stock_move" m JOIN "stock_location" l ON l.id = m."location_id"
            JOIN "product_product" p ON p.id = m."product_id" JOIN "product_template" t ON t.id = p."product_tmpl_id"
            WHERE m."picking_id" = ANY($1) AND m."state" IN ('confirmed', 'partially_available', 'waiting')
            ORDER BY m.id
            """, pickings).ConfigureAwait(false);
        foreach (var move in moves)
        {
            var id = Convert.ToInt32(move[0], CultureInfo.InvariantCulture);
            var need = Convert.ToDecimal(move[3], CultureInfo.InvariantCulture);
            var take = need;
            // Consumables, and goods coming from outside the warehouse, bypass reservation (_should_bypass_reservation).
            if ((string?)move[4] == "internal" && move[5] is true)
            {
                var quant = await env.Cr.QueryAsync(
                    "SELECT id, \"quantity\" - \"reserved_quantity\" FROM \"stock_quant\" WHERE \"product_id\" = $1 AND \"location_id\" = $2 ORDER BY id LIMIT 1 FOR UPDATE",
                    move[1], move[2]).ConfigureAwait(false);
                var free = quant.Count == 0 ? 0 : Math.Max(0, Convert.ToDecimal(quant[0][1], CultureInfo.InvariantCulture));
                take = Math.Min(need, free);
                if (take > 0)
                {
                    await env.Cr.ExecuteAsync("UPDATE \"stock_quant\" SET \"reserved_quantity\" = \"reserved_quantity\" + $2 WHERE id = $1", quant[0][0], take).ConfigureAwait(false);
                }
            }

            await env.Cr.ExecuteAsync("""
                UPDATE "stock_move" SET "quantity" = "quantity" + $2,
                  "state" = CASE WHEN "quantity" + $2 >= "product_uom_qty" THEN 'assigned' WHEN "quantity" + $2 > 0 THEN 'partially_available' ELSE 'confirmed' END
                WHERE id = $1
                """, id, take).ConfigureAwait(false);
        }

        await RefreshStateAsync(env, pickings).ConfigureAwait(false);
    }

    public static async Task UnreserveAsync(Env env, int[] pickings)
    {
        await env.Cr.ExecuteAsync("""
            UPDATE "stock_quant" q SET "reserved_quantity" = GREATEST(q."reserved_quantity" - r.qty, 0)
            FROM (SELECT m."product_id", m."location_id", sum(m."quantity") AS qty FROM "stock_move" m
                  WHERE m."picking_id" = ANY($1) AND m."state" IN ('assigned', 'partially_available') GROUP BY 1, 2) r
            WHERE q."product_id" = r."product_id" AND q."location_id" = r."location_id"
            """, pickings).ConfigureAwait(false);
        await env.Cr.ExecuteAsync(
            "UPDATE \"stock_move\" SET \"quantity\" = 0, \"picked\" = FALSE, \"state\" = 'confirmed' WHERE \"picking_id\" = ANY($1) AND \"state\" IN ('assigned', 'partially_available')",
            pickings).ConfigureAwait(false);
        await RefreshStateAsync(env, pickings).ConfigureAwait(false);
    }

    public static async Task CancelAsync(Env env, int[] pickings)
    {
        if (pickings.Length == 0)
        {
            return;
        }

        await UnreserveAsync(env, pickings).ConfigureAwait(false);
        await env.Cr.ExecuteAsync("UPDATE \"stock_move\" SET \"state\" = 'cancel' WHERE \"picking_id\" = ANY($1) AND \"state\" <> 'done'", pickings).ConfigureAwait(false);
        await RefreshStateAsync(env, pickings).ConfigureAwait(false);
    }

    /// <summary>A picking's state from its moves (stock.picking._compute_state).</summary>
    public static Task RefreshStateAsync(Env env, int[] pickings) => env.Cr.ExecuteAsync("""
        UPDATE "stock_picking" p SET "state" = CASE
          WHEN NOT EXISTS (SELECT 1 FROM "stock_move" m WHERE m."picking_id" = p.id) THEN 'draft'
          WHEN NOT EXISTS (SELECT 1 FROM "stock_move" m WHERE m."picking_id" = p.id AND m."state" <> 'cancel') THEN 'cancel'
          WHEN NOT EXISTS (SELECT 1 FROM "stock_move" m WHERE m."picking_id" = p.id AND m."state" NOT IN ('done', 'cancel')) THEN 'done'
          WHEN EXISTS (SELECT 1 FROM "stock_move" m WHERE m."picking_id" = p.id AND m."state" = 'draft') THEN 'draft'
          WHEN NOT EXISTS (SELECT 1 FROM "stock_move" m WHERE m."picking_id" = p.id AND m."state" NOT IN ('assigned', 'cancel', 'done')) THEN 'assigned'
          WHEN p."move_type" = 'direct' AND EXISTS (SELECT 1 FROM "stock_move" m WHERE m."picking_id" = p.id AND m."quantity" > 0 AND m."state" <> 'cancel') THEN 'assigned'
          ELSE 'confirmed' END
        WHERE p.id = ANY($1)
        """, pickings);

    private static async Task<JsonNode?> ButtonValidateAsync(MethodCall c)
    {
        c.Args.Bind();
        var env = c.Env;
        var ids = c.Ids;
        await env.Orm.EnsureExistAsync(env, c.Model, ids).ConfigureAwait(false);

        var drafts = await env.Cr.IdsAsync("SELECT id FROM \"stock_picking\" WHERE id = ANY($1) AND \"state\" = 'draft'", ids).ConfigureAwait(false);
        if (drafts.Length > 0)
        {
            await ConfirmAndAssignAsync(env, drafts).ConfigureAwait(false);
            await env.Cr.ExecuteAsync("UPDATE \"stock_move\" SET \"quantity\" = \"product_uom_qty\" WHERE \"picking_id\" = ANY($1) AND \"quantity\" = 0 AND \"product_uom_qty\" <> 0", drafts).ConfigureAwait(false);
        }

        if (!env.ContextFlag("skip_sanity_check"))
        {
            var empty = await env.Cr.IntAsync(
                "SELECT count(*) FROM \"stock_picking\" p WHERE p.id = ANY($1) AND p.\"state\" NOT IN ('done', 'cancel') AND NOT EXISTS (SELECT 1 FROM \"stock_move\" m WHERE m.\"picking_id\" = p.id AND m.\"quantity\" > 0)",
                ids).ConfigureAwait(false);
            if (empty > 0)
            {
                throw OdooException.UserError("You cannot validate a transfer if no quantities are reserved. To force the transfer, encode quantities.");
            }
        }

        if (Values.IsFalsy(env.Context["button_validate_picking_ids"]))
        {
            env = env.WithContext(new JsonObject { ["button_validate_picking_ids"] = Values.IdArray(ids) });
        }

        await env.Cr.ExecuteAsync("""
            UPDATE "stock_move" m SET "picked" = TRUE WHERE m."picking_id" = ANY($1) AND m."state" NOT IN ('done', 'cancel')
              AND NOT EXISTS (SELECT 1 FROM "stock_move" o WHERE o."picking_id" = m."picking_id" AND o."picked")
            """, ids).ConfigureAwait(false);

        if (!env.ContextFlag("skip_backorder"))
        {
            var partial = await env.Cr.IdsAsync("""
                SELECT DISTINCT m."picking_id" FROM "stock_move" m JOIN "stock_picking" p ON p.id = m."picking_id"
                WHERE m."picking_id" = ANY($1) AND m."state" NOT IN ('done', 'cancel') AND p."state" NOT IN ('done', 'cancel') AND m."quantity" < m."product_uom_qty" ORDER BY 1
                """, ids).ConfigureAwait(false);
            if (partial.Length > 0)
            {
                var context = (JsonObject)env.Context.DeepClone();
                context["default_show_transfers"] = partial.Length > 1;
                context["default_pick_ids"] = new JsonArray(partial.Select(p => (JsonNode?)new JsonArray(4, p)).ToArray());
                var action = Actions.Form("Create Backorder?", "stock.backorder.confirmation", 0, "stock.view_backorder_confirmation", context, target: "new");
                action.Remove("res_id");
                return action;
            }
        }

        if (env.Runtime.StockSmsWizard && env.Registry.IsInstalled("stock_sms") && !env.ContextFlag("skip_sms"))
        {
            var warn = await env.Cr.IdsAsync("""
                SELECT p.id FROM "stock_picking" p
                JOIN "stock_picking_type" t ON t.id = p."picking_type_id"
                JOIN "res_company" co ON co.id = p."company_id"
                LEFT JOIN "res_partner" pa ON pa.id = p."partner_id"
                WHERE p.id = ANY($1) AND t."code" = 'outgoing' AND co."stock_move_sms_validation" AND NOT co."has_received_warning_stock_sms"
                  AND (COALESCE(pa."mobile", '') <> '' OR COALESCE(pa."phone", '') <> '')
                ORDER BY p.id
                """, ids).ConfigureAwait(false);
            if (warn.Length > 0)
            {
                var wizard = await env.Orm.CreateAsync(env, env.Model("confirm.stock.sms"),
                    new JsonObject { ["pick_ids"] = new JsonArray(warn.Select(p => (JsonNode?)new JsonArray(4, p)).ToArray()) }).ConfigureAwait(false);
                return Actions.Form("SMS", "confirm.stock.sms", wizard, "stock_sms.view_confirm_stock_sms", (JsonObject)env.Context.DeepClone(), target: "new");
            }
        }

        var notToBackorder = env.Context["picking_ids_not_to_backorder"] is JsonArray list ? Values.ToIds(list) : [];
        await ActionDoneAsync(env, ids, notToBackorder).ConfigureAwait(false);
        return true;
    }

    /// <summary>Moves done, quants moved, pickings done; short moves go to a backorder unless the picking is in <paramref name="noBackorder"/>.</summary>
    private static async Task ActionDoneAsync(Env env, int[] pickings, int[] noBackorder)
    {
        var open = await env.Cr.IdsAsync("SELECT id FROM \"stock_picking\" WHERE id = ANY($1) AND \"state\" NOT IN ('done', 'cancel') ORDER BY id", pickings).ConfigureAwait(false);
        foreach (var picking in open)
        {
            var moves = await env.Cr.QueryAsync($"""
                SELECT m.id, m."product_id", m."location_id", m."location_dest_id", m."quantity", m."product_uom_qty", sl."usage", dl."usage", {env.Runtime.Schema.StorableSql("t")}
                FROM "stock_move" m JOIN "stock_location" sl ON sl.id = m."location_id" JOIN "stock_location" dl ON dl.id = m."location_dest_id"
                JOIN "product_product" p ON p.id = m."product_id" JOIN "product_template" t ON t.id = p."product_tmpl_id"
                WHERE m."picking_id" = $1 AND m."state" NOT IN ('done', 'cancel') ORDER BY m.id
                """, picking).ConfigureAwait(false);
            var remaining = new JsonArray();
            foreach (var move in moves)
            {
                var quantity = Convert.ToDecimal(move[4], CultureInfo.InvariantCulture);
                var demand = Convert.ToDecimal(move[5], CultureInfo.InvariantCulture);
                // Only storable products have quants.
                if (quantity > 0 && move[8] is true)
                {
                    if ((string?)move[6] == "internal")
                    {
                        await AddQuantAsync(env, move[1]!, move[2]!, -quantity, -quantity).ConfigureAwait(false);
                    }

                    if ((string?)move[7] == "internal")
                    {
                        await AddQuantAsync(env, move[1]!, move[3]!, quantity, 0).ConfigureAwait(false);
                    }
                }

                if (quantity < demand && !noBackorder.Contains(picking))
                {
                    remaining.Add(new JsonArray(0, 0, await MoveCopyAsync(env, Convert.ToInt32(move[0], CultureInfo.InvariantCulture), (double)(demand - quantity)).ConfigureAwait(false)));
                }
            }

            await env.Cr.ExecuteAsync(
                "UPDATE \"stock_move\" SET \"state\" = CASE WHEN \"quantity\" > 0 THEN 'done' ELSE 'cancel' END, \"picked\" = \"quantity\" > 0, \"date\" = $2 WHERE \"picking_id\" = $1 AND \"state\" NOT IN ('done', 'cancel')",
                picking, env.Now).ConfigureAwait(false);
            await env.Cr.ExecuteAsync("UPDATE \"stock_picking\" SET \"state\" = 'done', \"date_done\" = $2 WHERE id = $1", picking, env.Now).ConfigureAwait(false);

            var backorderMoves = remaining;
            if (backorderMoves.Count > 0)
            {
                var source = (await env.Cr.QueryAsync("SELECT \"picking_type_id\", \"partner_id\", \"origin\", \"sale_id\", \"purchase_id\", \"location_id\", \"location_dest_id\" FROM \"stock_picking\" WHERE id = $1", picking).ConfigureAwait(false))[0];
                var backorder = await env.Orm.CreateAsync(env, env.Model("stock.picking"), new JsonObject
                {
                    ["picking_type_id"] = Convert.ToInt32(source[0], CultureInfo.InvariantCulture),
                    ["partner_id"] = source[1] is null ? false : Convert.ToInt32(source[1], CultureInfo.InvariantCulture),
                    ["origin"] = (string?)source[2],
                    ["sale_id"] = source[3] is null ? false : Convert.ToInt32(source[3], CultureInfo.InvariantCulture),
                    ["purchase_id"] = source[4] is null ? false : Convert.ToInt32(source[4], CultureInfo.InvariantCulture),
                    ["location_id"] = Convert.ToInt32(source[5], CultureInfo.InvariantCulture),
                    ["location_dest_id"] = Convert.ToInt32(source[6], CultureInfo.InvariantCulture),
                    ["backorder_id"] = picking,
                    ["move_ids"] = backorderMoves,
                }).ConfigureAwait(false);
                await ConfirmAndAssignAsync(env, [backorder]).ConfigureAwait(false);
            }
        }

        var orders = await env.Cr.IdsAsync("SELECT DISTINCT \"sale_id\" FROM \"stock_picking\" WHERE id = ANY($1) AND \"sale_id\" IS NOT NULL", pickings).ConfigureAwait(false);
        await SaleFlow.RecomputeAsync(env, orders).ConfigureAwait(false);
        var purchases = await env.Cr.IdsAsync("SELECT DISTINCT \"purchase_id\" FROM \"stock_picking\" WHERE id = ANY($1) AND \"purchase_id\" IS NOT NULL", pickings).ConfigureAwait(false);
        await PurchaseFlow.RecomputeAsync(env, purchases).ConfigureAwait(false);
    }

    private static async Task<JsonObject> MoveCopyAsync(Env env, int moveId, double quantity)
    {
        var row = (await env.Cr.QueryAsync("SELECT \"product_id\", \"name\", \"product_uom\", \"sale_line_id\", \"purchase_line_id\" FROM \"stock_move\" WHERE id = $1", moveId).ConfigureAwait(false))[0];
        return env.Runtime.Schema.Values("stock.move", new JsonObject
        {
            ["product_id"] = Convert.ToInt32(row[0], CultureInfo.InvariantCulture),
            ["name"] = (string?)row[1],
            [env.Runtime.Schema.FieldName("stock.move", "product_uom")] = row[2] is null ? false : Convert.ToInt32(row[2], CultureInfo.InvariantCulture),
            ["sale_line_id"] = row[3] is null ? false : Convert.ToInt32(row[3], CultureInfo.InvariantCulture),
            ["purchase_line_id"] = row[4] is null ? false : Convert.ToInt32(row[4], CultureInfo.InvariantCulture),
            ["product_uom_qty"] = quantity,
        });
    }

    private static async Task AddQuantAsync(Env env, object product, object location, decimal quantity, decimal reserved)
    {
        var updated = await env.Cr.ExecuteAsync(
            "UPDATE \"stock_quant\" SET \"quantity\" = \"quantity\" + $3, \"reserved_quantity\" = GREATEST(\"reserved_quantity\" + $4, 0) WHERE \"product_id\" = $1 AND \"location_id\" = $2",
            product, location, quantity, reserved).ConfigureAwait(false);
        if (updated == 0)
        {
            await env.Cr.ExecuteAsync(
                "INSERT INTO \"stock_quant\" (\"product_id\", \"location_id\", \"quantity\", \"reserved_quantity\", \"inventory_quantity\", \"inventory_quantity_set\", \"company_id\", \"in_date\", \"create_uid\", \"create_date\", \"write_uid\", \"write_date\") " +
                "VALUES ($1, $2, $3, 0, 0, FALSE, $4, $5, $6, $5, $6, $5)",
                product, location, quantity, env.CompanyId, env.Now, env.Uid).ConfigureAwait(false);
        }
    }

    // confirm.stock.sms.send_sms / dont_send_sms: the company's answer is remembered, then the pickings in the context are validated.
    private static async Task<JsonNode?> SmsAnswerAsync(MethodCall c, bool keepSending)
    {
        c.Args.Bind();
        var env = c.Env;
        await env.Cr.ExecuteAsync(
            "UPDATE \"res_company\" co SET \"has_received_warning_stock_sms\" = TRUE" + (keepSending ? string.Empty : ", \"stock_move_sms_validation\" = FALSE") +
            " WHERE co.id IN (SELECT p.\"company_id\" FROM \"stock_picking_sms_rel\" r JOIN \"stock_picking\" p ON p.id = r.\"stock_picking_id\" WHERE r.\"confirm_stock_sms_id\" = ANY($1)) AND NOT co.\"has_received_warning_stock_sms\"",
            c.Ids).ConfigureAwait(false);
        var pickings = Values.ToIds(env.Context["button_validate_picking_ids"]);
        return await CallValidateAsync(env, pickings).ConfigureAwait(false);
    }

    private static async Task<JsonNode?> BackorderAnswerAsync(MethodCall c, bool createBackorder)
    {
        c.Args.Bind();
        var env = c.Env;
        var pickings = Values.ToIds(env.Context["button_validate_picking_ids"]);
        if (pickings.Length == 0)
        {
            return true;
        }

        var extra = new JsonObject { ["skip_backorder"] = true };
        if (!createBackorder)
        {
            extra["picking_ids_not_to_backorder"] = Values.IdArray(
                await env.Cr.IdsAsync("SELECT \"stock_picking_id\" FROM \"stock_picking_backorder_rel\" WHERE \"stock_backorder_confirmation_id\" = ANY($1)", c.Ids).ConfigureAwait(false));
        }

        return await CallValidateAsync(env.WithContext(extra), pickings).ConfigureAwait(false);
    }

    private static Task<JsonNode?> CallValidateAsync(Env env, int[] pickings)
    {
        var model = env.Model("stock.picking");
        return ButtonValidateAsync(new MethodCall(env, model, pickings, new MethodArgs("button_validate", [], [])));
    }

    // stock.quant.action_apply_inventory: the counted quantity becomes the quantity; returns None.
    private static async Task<JsonNode?> ApplyInventoryAsync(MethodCall c)
    {
        c.Args.Bind();
        await c.Env.Cr.ExecuteAsync(
            "UPDATE \"stock_quant\" SET \"quantity\" = \"inventory_quantity\", \"inventory_quantity_set\" = FALSE, \"write_date\" = $2, \"write_uid\" = $3 WHERE id = ANY($1) AND \"inventory_quantity_set\"",
            c.Ids, c.Env.Now, c.Env.Uid).ConfigureAwait(false);
        return null;
    }

    private sealed class PickingHooks : IModelHooks
    {
        public async ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values)
        {
            if (Values.IsFalsy(values["picking_type_id"]))
            {
                return;
            }

            var type = (await env.Cr.QueryAsync("SELECT \"sequence_code\", \"default_location_src_id\", \"default_location_dest_id\" FROM \"stock_picking_type\" WHERE id = $1",
                Values.ToInt(values["picking_type_id"])).ConfigureAwait(false)).FirstOrDefault();
            if (type is null)
            {
                return;
            }

            if (values["name"]?.ToString() is null or "/" or "New")
            {
                values["name"] = await Sequences.PickingAsync(env.Cr, (string?)type[0] ?? "INT").ConfigureAwait(false);
            }

            if (Values.IsFalsy(values["location_id"]) && type[1] is not null)
            {
                values["location_id"] = Convert.ToInt32(type[1], CultureInfo.InvariantCulture);
            }

            if (Values.IsFalsy(values["location_dest_id"]) && type[2] is not null)
            {
                values["location_dest_id"] = Convert.ToInt32(type[2], CultureInfo.InvariantCulture);
            }
        }

        public async ValueTask BeforeUnlinkAsync(Env env, ModelDef model, int[] ids)
        {
            if (await env.Cr.IntAsync("SELECT count(*) FROM \"stock_picking\" WHERE id = ANY($1) AND \"state\" = 'done'", ids).ConfigureAwait(false) > 0)
            {
                throw OdooException.UserError("You can not delete product moves if the picking is done. You can only correct the done quantities.");
            }

            await UnreserveAsync(env, ids).ConfigureAwait(false);
        }
    }

    private sealed class MoveHooks : IModelHooks
    {
        public async ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values)
        {
            if (Values.IsTruthy(values["picking_id"]))
            {
                var picking = (await env.Cr.QueryAsync(
                    "SELECT \"location_id\", \"location_dest_id\", \"picking_type_id\", \"partner_id\", \"name\", \"origin\", \"company_id\" FROM \"stock_picking\" WHERE id = $1",
                    Values.ToInt(values["picking_id"])).ConfigureAwait(false)).FirstOrDefault();
                if (picking is not null)
                {
                    SetId(values, "location_id", picking[0]);
                    SetId(values, "location_dest_id", picking[1]);
                    SetId(values, "picking_type_id", picking[2]);
                    SetId(values, "partner_id", picking[3]);
                    values["reference"] = (string?)picking[4];
                    if (Values.IsFalsy(values["origin"]) && picking[5] is string origin)
                    {
                        values["origin"] = origin;
                    }
                }
            }

            // The unit is computed from the product (stored compute in 17); the description is not: Odoo 17 requires
            // it, the web client sends what the product's onchange gave, and the sale and purchase flows pass theirs.
            var uomField = env.Runtime.Schema.FieldName("stock.move", "product_uom");
            if (Values.IsTruthy(values["product_id"]) && Values.IsFalsy(values[uomField]))
            {
                var uom = (await env.Cr.QueryAsync(
                    "SELECT t.\"uom_id\" FROM \"product_product\" p JOIN \"product_template\" t ON t.id = p.\"product_tmpl_id\" WHERE p.id = $1",
                    Values.ToInt(values["product_id"])).ConfigureAwait(false)).FirstOrDefault();
                if (uom is not null)
                {
                    SetId(values, uomField, uom[0]);
                }
            }
        }

        // Editing the quantity of a reserved move reserves or releases the difference on its quant (move lines in Odoo).
        public async ValueTask BeforeWriteAsync(Env env, ModelDef model, int[] ids, JsonObject values)
        {
            // stock.move's done quantity: quantity from 17, quantity_done in 16 (same column here).
            var quantityField = env.Runtime.Schema.FieldName("stock.move", "quantity");
            if (!values.ContainsKey(quantityField))
            {
                return;
            }

            var quantity = (decimal)Values.ToDouble(values[quantityField]);
            await env.Cr.ExecuteAsync($"""
                UPDATE "stock_quant" q SET "reserved_quantity" = GREATEST(q."reserved_quantity" + ($2 - m."quantity"), 0)
                FROM "stock_move" m JOIN "stock_location" l ON l.id = m."location_id"
                  JOIN "product_product" p ON p.id = m."product_id" JOIN "product_template" t ON t.id = p."product_tmpl_id"
                WHERE m.id = ANY($1) AND m."state" IN ('assigned', 'partially_available') AND l."usage" = 'internal' AND {env.Runtime.Schema.StorableSql("t")}
                  AND q."product_id" = m."product_id" AND q."location_id" = m."location_id"
                """, ids, quantity).ConfigureAwait(false);
        }

        private static void SetId(JsonObject values, string key, object? id)
        {
            if (Values.IsFalsy(values[key]) && id is not null)
            {
                values[key] = Convert.ToInt32(id, CultureInfo.InvariantCulture);
            }
        }
    }
}
