using System.Globalization;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Business;

/// <summary>
/// Invoicing: invoices and bills kept balanced while draft (product lines, one tax line, the
/// receivable/payable line), posting with a number, reset and cancel, the register-payment button, and
/// the sales invoicing wizard <c>sale.advance.payment.inv</c>.
/// </summary>
internal static class InvoiceFlow
{
    public static void Register(MethodTable table, Dictionary<string, IModelHooks> hooks)
    {
        hooks["account.move"] = new MoveHooks();
        hooks["account.move.line"] = new LineHooks();
        hooks["sale.advance.payment.inv"] = new AdvanceHooks();
        table.Model("account.move", "action_post", MethodKind.Multi, PostAsync);
        table.Model("account.move", "button_draft", MethodKind.Multi, c => ChangeStateAsync(c, "draft"));
        table.Model("account.move", "button_cancel", MethodKind.Multi, c => ChangeStateAsync(c, "cancel"));
        table.Model("account.move", "action_register_payment", MethodKind.Multi, RegisterPaymentActionAsync);
        table.Model("account.move.line", "action_register_payment", MethodKind.Multi, RegisterPaymentActionAsync);
        table.Model("sale.advance.payment.inv", "create_invoices", MethodKind.Multi, CreateInvoicesAsync);
    }

    /// <summary>Rebuilds a draft invoice's accounting: product line amounts, the tax line, the receivable/payable line, the totals.</summary>
    public static async Task RecomputeAsync(Env env, int moveId)
    {
        var move = (await env.Cr.QueryAsync("SELECT \"move_type\", \"state\", \"partner_id\", \"name\", \"date\", \"journal_id\", \"company_id\", COALESCE(\"invoice_date_due\", \"invoice_date\", \"date\") FROM \"account_move\" WHERE id = $1", moveId).ConfigureAwait(false)).FirstOrDefault();
        if (move is null || (string?)move[1] != "draft" || !Ledger.IsInvoice((string)move[0]!))
        {
            return;
        }

        var moveType = (string)move[0]!;
        // Product lines of a customer invoice are credits (negative balance), of a vendor bill debits.
        var sign = moveType is "out_invoice" or "in_refund" ? -1 : 1;
        await env.Cr.ExecuteAsync("""
            UPDATE "account_move_line" l SET
              "price_subtotal" = round(l."quantity" * l."price_unit" * (1 - COALESCE(l."discount", 0) / 100), 2),
              "price_total" = round(l."quantity" * l."price_unit" * (1 - COALESCE(l."discount", 0) / 100) * (1 + COALESCE((SELECT sum(t."amount") FROM "account_move_line_account_tax_rel" r JOIN "account_tax" t ON t.id = r."account_tax_id" WHERE r."account_move_line_id" = l.id AND t."amount_type" = 'percent'), 0) / 100), 2)
            WHERE l."move_id" = $1 AND l."display_type" = 'product'
            """, moveId).ConfigureAwait(false);
        await env.Cr.ExecuteAsync("""
            UPDATE "account_move_line" l SET "balance" = $2 * l."price_subtotal", "debit" = GREATEST($2 * l."price_subtotal", 0), "credit" = GREATEST(-$2 * l."price_subtotal", 0),
              "amount_residual" = 0, "partner_id" = $3, "move_name" = $4, "date" = $5, "journal_id" = $6, "company_id" = $7
            WHERE l."move_id" = $1 AND l."display_type" = 'product'
            """, moveId, (decimal)sign, move[2], move[3], move[4], move[5], move[6]).ConfigureAwait(false);

        var sums = (await env.Cr.QueryAsync("SELECT COALESCE(sum(\"price_subtotal\"), 0), COALESCE(sum(\"price_total\" - \"price_subtotal\"), 0) FROM \"account_move_line\" WHERE \"move_id\" = $1 AND \"display_type\" = 'product'",
            moveId).ConfigureAwait(false))[0];
        var untaxed = Convert.ToDecimal(sums[0], CultureInfo.InvariantCulture);
        var tax = Convert.ToDecimal(sums[1], CultureInfo.InvariantCulture);
        var total = untaxed + tax;

        await env.Cr.ExecuteAsync("DELETE FROM \"account_move_line\" WHERE \"move_id\" = $1 AND \"display_type\" IN ('tax', 'payment_term')", moveId).ConfigureAwait(false);
        var sale = Ledger.IsSale(moveType);
        if (tax != 0)
        {
            var taxAccount = await Ledger.AccountAsync(env.Cr, sale ? Ledger.TaxReceived : Ledger.TaxPaid).ConfigureAwait(false);
            await InsertLineAsync(env, moveId, move, taxAccount, "Taxes", "tax", sign * tax, 0).ConfigureAwait(false);
        }

        var termAccount = await Ledger.AccountAsync(env.Cr, sale ? Ledger.Receivable : Ledger.Payable).ConfigureAwait(false);
        await InsertLineAsync(env, moveId, move, termAccount, (string?)move[3] is "/" or null ? string.Empty : (string)move[3]!, "payment_term", -sign * total, -sign * total).ConfigureAwait(false);
        await env.Cr.ExecuteAsync(
            "UPDATE \"account_move\" SET \"amount_untaxed\" = $2, \"amount_tax\" = $3, \"amount_total\" = $4, \"amount_residual\" = $4, \"payment_state\" = 'not_paid' WHERE id = $1",
            moveId, untaxed, tax, total).ConfigureAwait(false);
    }

    private static Task InsertLineAsync(Env env, int moveId, object?[] move, int account, string name, string displayType, decimal balance, decimal residual) =>
        env.Cr.ExecuteAsync("""
            INSERT INTO "account_move_line" ("move_id", "account_id", "partner_id", "name", "display_type", "balance", "debit", "credit", "amount_residual", "reconciled",
              "quantity", "price_unit", "discount", "price_subtotal", "price_total", "move_name", "date", "date_maturity", "journal_id", "company_id", "create_uid", "create_date", "write_uid", "write_date")
            VALUES ($1, $2, $3, $4, $5, $6, GREATEST($6, 0), GREATEST(-$6, 0), $7, FALSE, 1, 0, 0, 0, 0, $8, $9, $10, $11, $12, $13, $14, $13, $14)
            """, moveId, account, move[2], name, displayType, balance, residual, move[3], move[4], move[7], move[5], move[6], env.Uid, env.Now);

    /// <summary>account.move.action_post: checks, a number from the journal's sequence, posted; returns False as Odoo 17 does.</summary>
    private static async Task<JsonNode?> PostAsync(MethodCall c)
    {
        c.Args.Bind();
        var env = c.Env;
        await env.Orm.EnsureExistAsync(env, c.Model, c.Ids).ConfigureAwait(false);
        var moves = await env.Cr.QueryAsync("SELECT id, \"state\", \"move_type\", \"partner_id\", \"invoice_date\", COALESCE(\"name\", '/'), \"amount_total\" FROM \"account_move\" WHERE id = ANY($1) ORDER BY id", c.Ids).ConfigureAwait(false);
        foreach (var move in moves)
        {
            var id = Convert.ToInt32(move[0], CultureInfo.InvariantCulture);
            var moveType = (string)move[2]!;
            if (Ledger.IsInvoice(moveType) && move[3] is null)
            {
                throw OdooException.UserError($"The field '{(Ledger.IsSale(moveType) ? "Customer" : "Vendor")}' is required, please complete it to validate the {Label(moveType)}.");
            }

            // A customer invoice is dated today when posted; a bill needs its date from the user (account.move._post).
            if (Ledger.IsInvoice(moveType) && !Ledger.IsSale(moveType) && move[4] is null)
            {
                throw OdooException.UserError("The Bill/Refund date is required to validate this document.");
            }

            if ((string?)move[1] is "posted" or "cancel")
            {
                throw OdooException.UserError($"The entry {move[5]} (id {id}) must be in draft.");
            }

            if (await env.Cr.IntAsync("SELECT count(*) FROM \"account_move_line\" WHERE \"move_id\" = $1 AND \"display_type\" NOT IN ('line_section', 'line_note')", id).ConfigureAwait(false) == 0)
            {
                throw OdooException.UserError("You need to add a line before posting.");
            }

            var date = move[4] is DateTime invoiceDate ? invoiceDate : env.Now.Date;
            var name = (string?)move[5] is "/" or null ? await Sequences.MoveAsync(env.Cr, moveType, date).ConfigureAwait(false) : (string)move[5]!;
            var paid = Convert.ToDecimal(move[6] ?? 0m, CultureInfo.InvariantCulture) == 0;
            await env.Cr.ExecuteAsync("""
                UPDATE "account_move" SET "state" = 'posted', "name" = $2, "invoice_date" = CASE WHEN "move_type" = 'entry' THEN "invoice_date" ELSE COALESCE("invoice_date", $3) END,
                  "date" = CASE WHEN "move_type" = 'entry' THEN "date" ELSE COALESCE("invoice_date", $3) END,
                  "invoice_date_due" = COALESCE("invoice_date_due", "invoice_date", $3), "payment_state" = CASE WHEN $4 AND "move_type" <> 'entry' THEN 'paid' ELSE "payment_state" END,
                  "write_uid" = $5, "write_date" = $6
                WHERE id = $1
                """, id, name, date, paid, env.Uid, env.Now).ConfigureAwait(false);
            await env.Cr.ExecuteAsync("UPDATE \"account_move_line\" SET \"move_name\" = $2, \"date\" = $3, \"name\" = CASE WHEN \"display_type\" = 'payment_term' THEN $2 ELSE \"name\" END WHERE \"move_id\" = $1",
                id, name, date).ConfigureAwait(false);
        }

        await RecomputeOrdersAsync(env, c.Ids).ConfigureAwait(false);
        return false;
    }

    private static async Task<JsonNode?> ChangeStateAsync(MethodCall c, string state)
    {
        c.Args.Bind();
        var env = c.Env;
        if (await env.Cr.IntAsync("SELECT count(*) FROM \"account_move_line\" l JOIN \"account_partial_reconcile\" p ON l.id IN (p.\"debit_move_id\", p.\"credit_move_id\") WHERE l.\"move_id\" = ANY($1)", c.Ids).ConfigureAwait(false) > 0)
        {
            throw OdooException.UserError("You cannot reset to draft or cancel an entry that is reconciled with a payment: unreconcile it first.");
        }

        await env.Cr.ExecuteAsync("UPDATE \"account_move\" SET \"state\" = $2, \"write_uid\" = $3, \"write_date\" = $4 WHERE id = ANY($1)", c.Ids, state, env.Uid, env.Now).ConfigureAwait(false);
        if (state == "draft")
        {
            foreach (var id in c.Ids)
            {
                await RecomputeAsync(env, id).ConfigureAwait(false);
            }
        }

        await RecomputeOrdersAsync(env, c.Ids).ConfigureAwait(false);
        return true;
    }

    // account.move(.line).action_register_payment: the wizard on the journal items, as Odoo 17 opens it.
    private static async Task<JsonNode?> RegisterPaymentActionAsync(MethodCall c)
    {
        c.Args.Bind();
        var lines = c.Model.Name == "account.move"
            ? await c.Env.Cr.IdsAsync("SELECT id FROM \"account_move_line\" WHERE \"move_id\" = ANY($1) ORDER BY id", c.Ids).ConfigureAwait(false)
            : c.Ids;
        return new JsonObject
        {
            ["name"] = "Register Payment",
            ["res_model"] = "account.payment.register",
            ["view_mode"] = "form",
            ["views"] = new JsonArray(new JsonArray(false, "form")),
            ["context"] = new JsonObject { ["active_model"] = "account.move.line", ["active_ids"] = Values.IdArray(lines) },
            ["target"] = "new",
            ["type"] = "ir.actions.act_window",
        };
    }

    /// <summary>sale.advance.payment.inv.create_invoices: one draft invoice per order (regular invoice or down payment), then the invoice action.</summary>
    private static async Task<JsonNode?> CreateInvoicesAsync(MethodCall c)
    {
        c.Args.Bind();
        var env = c.Env;
        var wizard = (await env.Cr.QueryAsync("SELECT \"advance_payment_method\", \"amount\", \"fixed_amount\" FROM \"sale_advance_payment_inv\" WHERE id = ANY($1) ORDER BY id LIMIT 1", c.Ids).ConfigureAwait(false)).FirstOrDefault()
            ?? throw OdooException.MissingError($"Record does not exist or has been deleted.\n(Record: sale.advance.payment.inv({string.Join(", ", c.Ids)},), User: {env.Uid})");
        var orders = await env.Cr.IdsAsync("SELECT \"sale_order_id\" FROM \"sale_advance_payment_inv_sale_order_rel\" WHERE \"sale_advance_payment_inv_id\" = ANY($1) ORDER BY 1", c.Ids).ConfigureAwait(false);
        var method = (string?)wizard[0] ?? "delivered";
        await SaleFlow.RecomputeAsync(env, orders).ConfigureAwait(false);

        var invoices = new List<int>();
        foreach (var orderId in orders)
        {
            var order = (await env.Cr.QueryAsync("SELECT \"name\", \"partner_invoice_id\", \"user_id\", \"client_order_ref\", \"amount_untaxed\" FROM \"sale_order\" WHERE id = $1", orderId).ConfigureAwait(false))[0];
            var lines = new JsonArray();
            if (method == "delivered")
            {
                foreach (var line in await env.Cr.QueryAsync("""
                    SELECT l.id, l."product_id", l."name", l."qty_to_invoice", l."price_unit", l."discount", l."product_uom"
                    FROM "sale_order_line" l WHERE l."order_id" = $1 AND l."display_type" IS NULL AND l."qty_to_invoice" > 0 ORDER BY l."sequence", l.id
                    """, orderId).ConfigureAwait(false))
                {
                    var taxes = await env.Cr.IdsAsync("SELECT \"account_tax_id\" FROM \"account_tax_sale_order_line_rel\" WHERE \"sale_order_line_id\" = $1", line[0]).ConfigureAwait(false);
                    lines.Add(new JsonArray(0, 0, new JsonObject
                    {
                        ["product_id"] = Convert.ToInt32(line[1], CultureInfo.InvariantCulture),
                        ["name"] = (string?)line[2],
                        ["quantity"] = Convert.ToDouble(line[3], CultureInfo.InvariantCulture),
                        ["price_unit"] = Convert.ToDouble(line[4], CultureInfo.InvariantCulture),
                        ["discount"] = Convert.ToDouble(line[5] ?? 0m, CultureInfo.InvariantCulture),
                        ["product_uom_id"] = line[6] is null ? false : Convert.ToInt32(line[6], CultureInfo.InvariantCulture),
                        ["tax_ids"] = new JsonArray(new JsonArray(6, 0, Values.IdArray(taxes))),
                        ["sale_line_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray(Convert.ToInt32(line[0], CultureInfo.InvariantCulture)))),
                    }));
                }
            }
            else
            {
                var amount = method == "percentage"
                    ? Convert.ToDouble(order[4], CultureInfo.InvariantCulture) * Convert.ToDouble(wizard[1] ?? 0m, CultureInfo.InvariantCulture) / 100
                    : Convert.ToDouble(wizard[2] ?? 0m, CultureInfo.InvariantCulture);
                if (amount <= 0)
                {
                    throw OdooException.UserError("The value of the down payment amount must be positive.");
                }

                lines.Add(new JsonArray(0, 0, new JsonObject { ["name"] = $"Down payment of {order[0]}", ["quantity"] = 1.0, ["price_unit"] = amount }));
            }

            if (lines.Count == 0)
            {
                continue;
            }

            invoices.Add(await env.Orm.CreateAsync(env, env.Model("account.move"), new JsonObject
            {
                ["move_type"] = "out_invoice",
                ["partner_id"] = Convert.ToInt32(order[1], CultureInfo.InvariantCulture),
                ["invoice_origin"] = (string?)order[0],
                ["invoice_user_id"] = order[2] is null ? false : Convert.ToInt32(order[2], CultureInfo.InvariantCulture),
                ["ref"] = (string?)order[3] ?? string.Empty,
                ["invoice_line_ids"] = lines,
            }).ConfigureAwait(false));
        }

        if (invoices.Count == 0)
        {
            throw OdooException.UserError(
                "Cannot create an invoice. No items are available to invoice.\n\nTo resolve this issue, please ensure that:\n" +
                "   \u2022 The products have been delivered before attempting to invoice them.\n   \u2022 The invoicing policy of the product is configured correctly.\n\n" +
                "If you want to invoice based on ordered quantities instead:\n" +
                "   \u2022 For consumable or storable products, open the product, go to the 'General Information' tab and change the 'Invoicing Policy' from 'Delivered Quantities' to 'Ordered Quantities'.\n" +
                "   \u2022 For services (and other products), change the 'Invoicing Policy' to 'Prepaid/Fixed Price'.\n");
        }

        await SaleFlow.RecomputeAsync(env, orders).ConfigureAwait(false);
        // 16 opens the invoices only for its "Create and View Invoice" button (context open_invoices) and closes the
        // dialog for "Create Invoice" (sale/wizard/sale_make_invoice_advance.py); 17 always opens them.
        if (env.Runtime.Version.Major <= 16 && !env.ContextFlag("open_invoices"))
        {
            return new JsonObject { ["type"] = "ir.actions.act_window_close" };
        }

        return await SaleFlow.InvoiceActionAsync(env, orders, invoices.ToArray()).ConfigureAwait(false);
    }

    private static async Task RecomputeOrdersAsync(Env env, int[] moves)
    {
        var sales = await env.Cr.IdsAsync(
            "SELECT DISTINCT sol.\"order_id\" FROM \"account_move_line\" aml JOIN \"sale_order_line_invoice_rel\" r ON r.\"invoice_line_id\" = aml.id JOIN \"sale_order_line\" sol ON sol.id = r.\"order_line_id\" WHERE aml.\"move_id\" = ANY($1)",
            moves).ConfigureAwait(false);
        await SaleFlow.RecomputeAsync(env, sales).ConfigureAwait(false);
        var purchases = await env.Cr.IdsAsync(
            "SELECT DISTINCT pol.\"order_id\" FROM \"account_move_line\" aml JOIN \"purchase_order_line\" pol ON pol.id = aml.\"purchase_line_id\" WHERE aml.\"move_id\" = ANY($1)",
            moves).ConfigureAwait(false);
        await PurchaseFlow.RecomputeAsync(env, purchases).ConfigureAwait(false);
    }

    private static string Label(string moveType) => moveType switch
    {
        "out_invoice" => "Customer Invoice",
        "out_refund" => "Customer Credit Note",
        "in_invoice" => "Vendor Bill",
        _ => "Vendor Credit Note",
    };

    private sealed class MoveHooks : IModelHooks
    {
        public async ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values)
        {
            if (Values.IsFalsy(values["journal_id"]))
            {
                var moveType = values["move_type"]?.ToString() ?? "entry";
                values["journal_id"] = await Ledger.JournalAsync(env.Cr, moveType.StartsWith("out_", StringComparison.Ordinal) ? "sale" : moveType.StartsWith("in_", StringComparison.Ordinal) ? "purchase" : "general").ConfigureAwait(false);
            }

            if (values["move_type"]?.ToString() is { } type && Ledger.IsInvoice(type) && Values.IsFalsy(values["invoice_user_id"]))
            {
                values["invoice_user_id"] = env.Uid;
            }
        }

        public async ValueTask AfterChangeAsync(Env env, ModelDef model, int[] ids, IReadOnlyCollection<string> changed)
        {
            if (changed.Any(f => f is "invoice_line_ids" or "line_ids" or "partner_id" or "move_type" or "invoice_date" or "journal_id"))
            {
                foreach (var id in ids)
                {
                    await RecomputeAsync(env, id).ConfigureAwait(false);
                }
            }
        }

        public async ValueTask BeforeUnlinkAsync(Env env, ModelDef model, int[] ids)
        {
            if (await env.Cr.IntAsync("SELECT count(*) FROM \"account_move\" WHERE id = ANY($1) AND \"state\" = 'posted'", ids).ConfigureAwait(false) > 0)
            {
                throw OdooException.UserError("You cannot delete an entry which has been posted once.");
            }
        }
    }

    private sealed class LineHooks : IModelHooks
    {
        public async ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values)
        {
            if (Values.IsFalsy(values["move_id"]))
            {
                return;
            }

            var move = (await env.Cr.QueryAsync("SELECT \"move_type\", \"partner_id\", \"name\", \"date\", \"journal_id\", \"company_id\" FROM \"account_move\" WHERE id = $1",
                Values.ToInt(values["move_id"])).ConfigureAwait(false)).FirstOrDefault();
            if (move is null)
            {
                return;
            }

            var moveType = (string)move[0]!;
            values["move_name"] = (string?)move[2];
            values["journal_id"] = Convert.ToInt32(move[4], CultureInfo.InvariantCulture);
            values["company_id"] = move[5] is null ? false : Convert.ToInt32(move[5], CultureInfo.InvariantCulture);
            if (move[3] is DateTime date)
            {
                values["date"] = Values.Date(date);
            }

            if (Values.IsFalsy(values["partner_id"]) && move[1] is not null)
            {
                values["partner_id"] = Convert.ToInt32(move[1], CultureInfo.InvariantCulture);
            }

            if (!Ledger.IsInvoice(moveType) || values["display_type"]?.ToString() is not (null or "product"))
            {
                return;
            }

            if (Values.IsFalsy(values["account_id"]))
            {
                values["account_id"] = await Ledger.AccountAsync(env.Cr, Ledger.IsSale(moveType) ? Ledger.Income : Ledger.Expense).ConfigureAwait(false);
            }

            if (Values.IsTruthy(values["product_id"]))
            {
                var product = (await env.Cr.QueryAsync("""
                    SELECT CASE WHEN p."default_code" IS NOT NULL THEN '[' || p."default_code" || '] ' || t."name" ELSE t."name" END, t."list_price", t."standard_price", t."uom_id"
                    FROM "product_product" p JOIN "product_template" t ON t.id = p."product_tmpl_id" WHERE p.id = $1
                    """, Values.ToInt(values["product_id"])).ConfigureAwait(false)).FirstOrDefault();
                if (product is not null)
                {
                    SaleFlow.SetIf(values, "name", (string?)product[0], overwrite: false);
                    SaleFlow.SetIf(values, "price_unit", Convert.ToDouble(Ledger.IsSale(moveType) ? product[1] : product[2], CultureInfo.InvariantCulture), overwrite: false);
                    SaleFlow.SetIf(values, "product_uom_id", product[3] is null ? null : Convert.ToInt32(product[3], CultureInfo.InvariantCulture), overwrite: false);
                }
            }
        }

        public async ValueTask AfterChangeAsync(Env env, ModelDef model, int[] ids, IReadOnlyCollection<string> changed)
        {
            if (changed.Any(f => f is "quantity" or "price_unit" or "discount" or "tax_ids" or "product_id" or "display_type"))
            {
                foreach (var move in await env.Cr.IdsAsync("SELECT DISTINCT \"move_id\" FROM \"account_move_line\" WHERE id = ANY($1) AND \"display_type\" = 'product'", ids).ConfigureAwait(false))
                {
                    await RecomputeAsync(env, move).ConfigureAwait(false);
                }
            }
        }
    }

    private sealed class AdvanceHooks : IModelHooks
    {
        public ValueTask CompleteDefaultsAsync(Env env, ModelDef model, JsonObject defaults)
        {
            if (!defaults.ContainsKey("sale_order_ids") && env.Context["active_model"]?.ToString() == "sale.order")
            {
                defaults["sale_order_ids"] = Values.IdArray(Values.ToIds(env.Context["active_ids"] ?? env.Context["active_id"]));
            }

            return ValueTask.CompletedTask;
        }
    }
}
