using System.Globalization;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Business;

/// <summary>
/// <c>account.payment.register</c>: the wizard takes the open receivable/payable lines of the moves in
/// <c>active_ids</c> (account.move or account.move.line, as Odoo 17 accepts both), and creates one posted
/// payment reconciled with them; a fully paid invoice is then "Paid" (community 17's
/// <c>_get_invoice_in_payment_state</c>; "In Payment" needs the enterprise accountant module).
/// </summary>
internal static class PaymentFlow
{
    public static void Register(MethodTable table, Dictionary<string, IModelHooks> hooks)
    {
        hooks["account.payment.register"] = new RegisterHooks();
        table.Model("account.payment.register", "action_create_payments", MethodKind.Multi, CreatePaymentsAsync);
    }

    private static async Task<JsonNode?> CreatePaymentsAsync(MethodCall c)
    {
        c.Args.Bind();
        var env = c.Env;
        var wizard = (await env.Cr.QueryAsync("SELECT id, \"payment_date\", \"amount\", \"communication\", \"journal_id\" FROM \"account_payment_register\" WHERE id = ANY($1) ORDER BY id LIMIT 1", c.Ids).ConfigureAwait(false)).FirstOrDefault()
            ?? throw OdooException.MissingError($"Record does not exist or has been deleted.\n(Record: account.payment.register({string.Join(", ", c.Ids)},), User: {env.Uid})");
        var lines = await env.Cr.QueryAsync("""
            SELECT l.id, l."move_id", l."partner_id", l."amount_residual", a."account_type"
            FROM "account_payment_register_move_line_rel" r JOIN "account_move_line" l ON l.id = r."line_id" JOIN "account_account" a ON a.id = l."account_id"
            WHERE r."wizard_id" = $1 AND l."amount_residual" <> 0 AND NOT l."reconciled" ORDER BY l."date_maturity", l.id
            FOR UPDATE OF l
            """, wizard[0]).ConfigureAwait(false);
        if (lines.Count == 0)
        {
            throw OdooException.UserError("You can't register a payment because there is nothing left to pay on the selected journal items.");
        }

        var inbound = (string?)lines[0][4] == "asset_receivable";
        var date = wizard[1] is DateTime d ? d : env.Now.Date;
        var open = lines.Sum(l => Math.Abs(Convert.ToDecimal(l[3], CultureInfo.InvariantCulture)));
        var amount = wizard[2] is null || Convert.ToDecimal(wizard[2], CultureInfo.InvariantCulture) <= 0 ? open : Convert.ToDecimal(wizard[2], CultureInfo.InvariantCulture);
        var partner = lines[0][2];
        var journal = wizard[4] is null ? await Ledger.JournalAsync(env.Cr, "bank").ConfigureAwait(false) : Convert.ToInt32(wizard[4], CultureInfo.InvariantCulture);
        var name = await Sequences.PaymentAsync(env.Cr, date).ConfigureAwait(false);
        var outstanding = await Ledger.AccountAsync(env.Cr, inbound ? Ledger.OutstandingReceipts : Ledger.OutstandingPayments).ConfigureAwait(false);
        var counterpart = await Ledger.AccountAsync(env.Cr, inbound ? Ledger.Receivable : Ledger.Payable).ConfigureAwait(false);

        var move = await env.Cr.IntAsync("""
            INSERT INTO "account_move" ("name", "ref", "date", "move_type", "state", "journal_id", "partner_id", "company_id", "amount_untaxed", "amount_tax", "amount_total", "amount_residual",
              "payment_state", "create_uid", "create_date", "write_uid", "write_date")
            VALUES ($1, $2, $3, 'entry', 'posted', $4, $5, $6, $7, 0, $7, 0, 'not_paid', $8, $9, $8, $9) RETURNING id
            """, name, (string?)wizard[3], date, journal, partner, env.CompanyId, amount, env.Uid, env.Now).ConfigureAwait(false);
        var payment = await env.Cr.IntAsync("""
            INSERT INTO "account_payment" ("move_id", "partner_id", "amount", "payment_type", "partner_type", "ref", "is_reconciled", "is_matched", "company_id", "create_uid", "create_date", "write_uid", "write_date")
            VALUES ($1, $2, $3, $4, $5, $6, FALSE, FALSE, $7, $8, $9, $8, $9) RETURNING id
            """, move, partner, amount, inbound ? "inbound" : "outbound", inbound ? "customer" : "supplier", (string?)wizard[3], env.CompanyId, env.Uid, env.Now).ConfigureAwait(false);
        await env.Cr.ExecuteAsync("UPDATE \"account_move\" SET \"payment_id\" = $2 WHERE id = $1", move, payment).ConfigureAwait(false);

        // Receipts debit the outstanding account and credit the receivable; payments to vendors the other way round.
        var sign = inbound ? 1m : -1m;
        await InsertLineAsync(env, move, outstanding, partner, name, date, journal, sign * amount, 0, payment).ConfigureAwait(false);
        var paymentLine = await InsertLineAsync(env, move, counterpart, partner, name, date, journal, -sign * amount, -sign * amount, payment).ConfigureAwait(false);

        var left = amount;
        var paidMoves = new HashSet<int>();
        foreach (var line in lines)
        {
            if (left <= 0)
            {
                break;
            }

            var residual = Math.Abs(Convert.ToDecimal(line[3], CultureInfo.InvariantCulture));
            var matched = Math.Min(residual, left);
            left -= matched;
            var lineId = Convert.ToInt32(line[0], CultureInfo.InvariantCulture);
            await env.Cr.ExecuteAsync("""
                INSERT INTO "account_partial_reconcile" ("debit_move_id", "credit_move_id", "amount", "max_date", "company_id", "create_uid", "create_date", "write_uid", "write_date")
                VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $7)
                """, inbound ? lineId : paymentLine, inbound ? paymentLine : lineId, matched, date, env.CompanyId, env.Uid, env.Now).ConfigureAwait(false);
            await env.Cr.ExecuteAsync("""
                UPDATE "account_move_line" SET "amount_residual" = "amount_residual" - $2, "reconciled" = ("amount_residual" - $2 = 0), "matching_number" = $3 WHERE id = $1
                """, lineId, sign * matched, "P" + payment.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await env.Cr.ExecuteAsync("""
                UPDATE "account_move_line" SET "amount_residual" = "amount_residual" + $2, "reconciled" = ("amount_residual" + $2 = 0), "matching_number" = $3 WHERE id = $1
                """, paymentLine, sign * matched, "P" + payment.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            paidMoves.Add(Convert.ToInt32(line[1], CultureInfo.InvariantCulture));
        }

        await env.Cr.ExecuteAsync("""
            UPDATE "account_move" m SET "amount_residual" = r.residual,
              "payment_state" = CASE WHEN r.residual = 0 THEN 'paid' WHEN r.residual < m."amount_total" THEN 'partial' ELSE m."payment_state" END
            FROM (SELECT l."move_id", abs(sum(l."amount_residual")) AS residual FROM "account_move_line" l JOIN "account_account" a ON a.id = l."account_id"
                  WHERE l."move_id" = ANY($1) AND a."account_type" IN ('asset_receivable', 'liability_payable') GROUP BY l."move_id") r
            WHERE m.id = r."move_id"
            """, paidMoves.ToArray()).ConfigureAwait(false);
        await env.Cr.ExecuteAsync(
            "UPDATE \"account_payment\" SET \"is_reconciled\" = NOT EXISTS (SELECT 1 FROM \"account_move_line\" WHERE id = $2 AND NOT \"reconciled\") WHERE id = $1", payment, paymentLine).ConfigureAwait(false);

        if (env.ContextFlag("dont_redirect_to_payments"))
        {
            return true;
        }

        return new JsonObject
        {
            ["name"] = "Payments",
            ["type"] = "ir.actions.act_window",
            ["res_model"] = "account.payment",
            ["context"] = new JsonObject { ["create"] = false },
            ["view_mode"] = "form",
            ["res_id"] = payment,
        };
    }

    private static Task<int> InsertLineAsync(Env env, int move, int account, object? partner, string name, DateTime date, int journal, decimal balance, decimal residual, int payment) =>
        env.Cr.IntAsync("""
            INSERT INTO "account_move_line" ("move_id", "account_id", "partner_id", "name", "display_type", "balance", "debit", "credit", "amount_residual", "reconciled",
              "quantity", "price_unit", "discount", "price_subtotal", "price_total", "move_name", "date", "date_maturity", "journal_id", "company_id", "payment_id",
              "create_uid", "create_date", "write_uid", "write_date")
            VALUES ($1, $2, $3, $4, 'payment_term', $5, GREATEST($5, 0), GREATEST(-$5, 0), $6, FALSE, 1, 0, 0, 0, 0, $4, $7, $7, $8, $9, $10, $11, $12, $11, $12) RETURNING id
            """, move, account, partner, name, balance, residual, date, journal, env.CompanyId, payment, env.Uid, env.Now);

    private sealed class RegisterHooks : IModelHooks
    {
        // account.payment.register.default_get: the open receivable/payable lines of the active records, and what they add up to.
        public async ValueTask CompleteDefaultsAsync(Env env, ModelDef model, JsonObject defaults)
        {
            var activeModel = env.Context["active_model"]?.ToString();
            var active = Values.ToIds(env.Context["active_ids"] ?? env.Context["active_id"]);
            if (activeModel is not ("account.move" or "account.move.line"))
            {
                if (defaults.ContainsKey("line_ids") || activeModel is null)
                {
                    return;
                }

                throw OdooException.UserError("The register payment wizard should only be called on account.move or account.move.line records.");
            }

            var lines = await env.Cr.QueryAsync($"""
                SELECT l.id, l."amount_residual", l."partner_id", m."state", a."account_type", m."name"
                FROM "account_move_line" l JOIN "account_move" m ON m.id = l."move_id" JOIN "account_account" a ON a.id = l."account_id"
                WHERE {(activeModel == "account.move" ? "l.\"move_id\"" : "l.id")} = ANY($1) ORDER BY l.id
                """, active).ConfigureAwait(false);
            if (lines.Any(l => (string?)l[3] != "posted"))
            {
                throw OdooException.UserError("You can only register payment for posted journal entries.");
            }

            var open = lines.Where(l => (string?)l[4] is "asset_receivable" or "liability_payable" && Convert.ToDecimal(l[1], CultureInfo.InvariantCulture) != 0).ToList();
            if (open.Count == 0)
            {
                throw OdooException.UserError("You can't register a payment because there is nothing left to pay on the selected journal items.");
            }

            var receivable = (string?)open[0][4] == "asset_receivable";
            defaults["line_ids"] = Values.IdArray(open.Select(l => Convert.ToInt32(l[0], CultureInfo.InvariantCulture)));
            defaults["amount"] = Values.Number((double)open.Sum(l => Math.Abs(Convert.ToDecimal(l[1], CultureInfo.InvariantCulture))));
            defaults["partner_id"] = open[0][2] is null ? false : Convert.ToInt32(open[0][2], CultureInfo.InvariantCulture);
            defaults["communication"] = string.Join(" ", open.Select(l => (string?)l[5]).Distinct());
            defaults["payment_type"] = receivable ? "inbound" : "outbound";
            defaults["partner_type"] = receivable ? "customer" : "supplier";
            defaults["journal_id"] = await Ledger.JournalAsync(env.Cr, "bank").ConfigureAwait(false);
            defaults["company_id"] = env.CompanyId;
        }
    }
}
