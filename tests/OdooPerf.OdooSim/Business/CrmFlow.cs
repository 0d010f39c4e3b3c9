using System.Globalization;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Business;

/// <summary>CRM: the first stage by default, lead to opportunity, won and lost, and sale_crm's "New Quotation" action.</summary>
internal static class CrmFlow
{
    public static void Register(MethodTable table, Dictionary<string, IModelHooks> hooks)
    {
        hooks["crm.lead"] = new LeadHooks();
        hooks["crm.lead2opportunity.partner"] = new ConversionHooks();
        table.Model("crm.lead2opportunity.partner", "action_apply", MethodKind.Multi, ApplyConversionAsync);
        table.Model("crm.lead", "convert_opportunity", MethodKind.Multi, ConvertAsync);
        table.Model("crm.lead", "action_set_won", MethodKind.Multi, WonAsync);
        table.Model("crm.lead", "action_set_won_rainbowman", MethodKind.Multi, WonAsync);
        table.Model("crm.lead", "action_set_lost", MethodKind.Multi, LostAsync);
        table.Model("crm.lead", "action_new_quotation", MethodKind.Multi, NewQuotationAsync);
        table.Model("crm.lead", "action_sale_quotations_new", MethodKind.Multi, NewQuotationAsync);
    }

    // convert_opportunity(partner, user_ids=False, team_id=False): "partner" is a record, so over RPC only False works,
    // an id fails as in Odoo ('int' object has no attribute 'id'); the web client converts through crm.lead2opportunity.partner.
    private static async Task<JsonNode?> ConvertAsync(MethodCall c)
    {
        var a = c.Args.Bind("partner!", "user_ids", "team_id");
        if (Values.IsTruthy(a["partner"]))
        {
            throw OdooException.AttributeError($"'{Values.PythonTypeName(a["partner"])}' object has no attribute 'id'");
        }

        await ConvertLeadsAsync(c.Env, c.Ids, partner: null).ConfigureAwait(false);
        return true;
    }

    private static async Task ConvertLeadsAsync(Env env, int[] leads, int? partner)
    {
        var values = new JsonObject { ["type"] = "opportunity" };
        if (partner is not null)
        {
            values["partner_id"] = partner.Value;
        }

        var open = await env.Cr.IdsAsync("SELECT id FROM \"crm_lead\" WHERE id = ANY($1) AND \"active\" AND \"probability\" < 100", leads).ConfigureAwait(false);
        await env.Orm.WriteAsync(env, env.Model("crm.lead"), open, values).ConfigureAwait(false);
    }

    // crm.lead2opportunity.partner.action_apply: link or create the customer, convert, open the opportunity.
    private static async Task<JsonNode?> ApplyConversionAsync(MethodCall c)
    {
        c.Args.Bind();
        var env = c.Env;
        var wizard = (await env.Cr.QueryAsync("SELECT \"lead_id\", \"partner_id\", \"action\" FROM \"crm_lead2opportunity_partner\" WHERE id = ANY($1) ORDER BY id LIMIT 1", c.Ids).ConfigureAwait(false)).FirstOrDefault()
            ?? throw OdooException.MissingError($"Record does not exist or has been deleted.\n(Record: crm.lead2opportunity.partner({string.Join(", ", c.Ids)},), User: {env.Uid})");
        var leads = Values.ToIds(env.Context["active_ids"]);
        if (leads.Length == 0)
        {
            leads = [Convert.ToInt32(wizard[0], CultureInfo.InvariantCulture)];
        }

        foreach (var lead in leads)
        {
            var row = (await env.Cr.QueryAsync("SELECT \"partner_id\", COALESCE(\"partner_name\", \"contact_name\", \"name\"), \"email_from\", \"phone\" FROM \"crm_lead\" WHERE id = $1", lead).ConfigureAwait(false))[0];
            int? partner = null;
            if ((string?)wizard[2] != "nothing")
            {
                partner = wizard[1] is not null ? Convert.ToInt32(wizard[1], CultureInfo.InvariantCulture) : row[0] is not null ? Convert.ToInt32(row[0], CultureInfo.InvariantCulture) : null;
                if (partner is null && (string?)wizard[2] == "create")
                {
                    partner = await env.Orm.CreateAsync(env, env.Model("res.partner"), new JsonObject
                    {
                        ["name"] = (string?)row[1], ["email"] = (string?)row[2], ["phone"] = (string?)row[3], ["customer_rank"] = 1,
                    }).ConfigureAwait(false);
                }
            }

            await ConvertLeadsAsync(env, [lead], partner).ConfigureAwait(false);
        }

        return new JsonObject
        {
            ["name"] = "Lead or Opportunity",
            ["view_mode"] = "form",
            ["res_model"] = "crm.lead",
            ["domain"] = new JsonArray(new JsonArray("type", "=", "opportunity")),
            ["res_id"] = leads[0],
            ["view_id"] = false,
            ["type"] = "ir.actions.act_window",
            ["context"] = new JsonObject { ["default_type"] = "opportunity" },
        };
    }

    private static async Task<JsonNode?> WonAsync(MethodCall c)
    {
        c.Args.Bind();
        var stage = await c.Env.Cr.IntAsync("SELECT id FROM \"crm_stage\" WHERE \"is_won\" ORDER BY \"sequence\", id LIMIT 1").ConfigureAwait(false);
        if (stage == 0)
        {
            throw OdooException.UserError("There is no won stage: configure one first.");
        }

        await c.Env.Orm.WriteAsync(c.Env, c.Model, c.Ids, new JsonObject
        {
            ["stage_id"] = stage,
            ["probability"] = 100.0,
            ["active"] = true,
            ["date_closed"] = Values.Datetime(c.Env.Now),
        }).ConfigureAwait(false);
        return true;
    }

    private static async Task<JsonNode?> LostAsync(MethodCall c)
    {
        c.Args.Bind("**");
        await c.Env.Orm.WriteAsync(c.Env, c.Model, c.Ids, new JsonObject { ["active"] = false, ["probability"] = 0.0, ["date_closed"] = Values.Datetime(c.Env.Now) }).ConfigureAwait(false);
        return true;
    }

    // sale_crm: the quotation form with the opportunity's values as defaults.
    private static async Task<JsonNode?> NewQuotationAsync(MethodCall c)
    {
        c.Args.Bind();
        if (!c.Env.Registry.IsInstalled("sale_crm"))
        {
            throw OdooException.AttributeError($"The method '{c.Args.Method}' does not exist on the model 'crm.lead'");
        }

        if (c.Ids.Length != 1)
        {
            throw OdooException.ValueError($"Expected singleton: crm.lead({string.Join(", ", c.Ids)},)");
        }

        var lead = (await c.Env.Cr.QueryAsync("SELECT \"partner_id\", \"name\", \"company_id\", \"user_id\" FROM \"crm_lead\" WHERE id = $1", c.Ids[0]).ConfigureAwait(false)).FirstOrDefault()
            ?? throw OdooException.MissingError($"Record does not exist or has been deleted.\n(Record: crm.lead({c.Ids[0]},), User: {c.Env.Uid})");
        var action = await Actions.ForXmlIdAsync(c.Env, "sale_crm.sale_action_quotations_new").ConfigureAwait(false);
        var context = new JsonObject
        {
            ["default_opportunity_id"] = c.Ids[0],
            ["default_partner_id"] = lead[0] is null ? false : Convert.ToInt32(lead[0], CultureInfo.InvariantCulture),
            ["default_campaign_id"] = false,
            ["default_medium_id"] = false,
            ["default_origin"] = (string?)lead[1],
            ["default_source_id"] = false,
            ["default_company_id"] = lead[2] is null ? c.Env.CompanyId : Convert.ToInt32(lead[2], CultureInfo.InvariantCulture),
            ["default_tag_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray())),
        };
        if (lead[3] is not null)
        {
            context["default_user_id"] = Convert.ToInt32(lead[3], CultureInfo.InvariantCulture);
        }

        context["search_default_opportunity_id"] = c.Ids[0];
        action["context"] = context;
        return action;
    }

    // default_get: the lead from active_id, its customer, and what to do about the customer.
    private sealed class ConversionHooks : IModelHooks
    {
        public async ValueTask CompleteDefaultsAsync(Env env, ModelDef model, JsonObject defaults)
        {
            if (Values.IsFalsy(defaults["lead_id"]) && Values.IsTruthy(env.Context["active_id"]))
            {
                defaults["lead_id"] = Values.ToInt(env.Context["active_id"]);
            }

            if (Values.IsFalsy(defaults["lead_id"]))
            {
                return;
            }

            var lead = (await env.Cr.QueryAsync("SELECT \"partner_id\", \"partner_name\", \"contact_name\", \"user_id\" FROM \"crm_lead\" WHERE id = $1", Values.ToInt(defaults["lead_id"])).ConfigureAwait(false)).FirstOrDefault();
            if (lead is null)
            {
                return;
            }

            if (!defaults.ContainsKey("partner_id") && lead[0] is not null)
            {
                defaults["partner_id"] = Convert.ToInt32(lead[0], CultureInfo.InvariantCulture);
            }

            defaults["action"] ??= lead[0] is not null ? "exist" : lead[2] is not null ? "create" : "nothing";
            defaults["user_id"] ??= lead[3] is null ? env.Uid : Convert.ToInt32(lead[3], CultureInfo.InvariantCulture);
        }
    }

    private sealed class LeadHooks : IModelHooks
    {
        public async ValueTask BeforeCreateAsync(Env env, ModelDef model, JsonObject values)
        {
            if (Values.IsFalsy(values["stage_id"]))
            {
                var stage = await env.Cr.IntAsync("SELECT id FROM \"crm_stage\" ORDER BY \"sequence\", id LIMIT 1").ConfigureAwait(false);
                if (stage != 0)
                {
                    values["stage_id"] = stage;
                }
            }
        }
    }
}
