using System.Globalization;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Business;

/// <summary>
/// Window actions as buttons return them: read from the seeded <c>ir.actions.act_window</c> records by XML id
/// (Odoo's <c>_for_xml_id</c>), or built on the spot; <see cref="Clean"/> is the web controller's <c>clean_action</c>.
/// </summary>
internal static class Actions
{
    /// <summary>XML ids of the form views an action points at; the simulator has no view table, only their ids.</summary>
    public static readonly IReadOnlyDictionary<string, int> ViewIds = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["sale.view_order_form"] = 1101,
        ["account.view_move_form"] = 1201,
        ["stock.view_picking_form"] = 1301,
        ["stock_sms.view_confirm_stock_sms"] = 1302,
        ["stock.view_backorder_confirmation"] = 1303,
        ["purchase.purchase_order_form"] = 1401,
        ["account.view_account_payment_form"] = 1202,
        ["account.view_account_payment_register_form"] = 1203,
        ["sale.view_sale_advance_payment_inv"] = 1102,
    };

    /// <summary><c>ir.actions.actions._for_xml_id</c>: the action's readable fields, <c>views</c> from its view mode.</summary>
    public static async Task<JsonObject> ForXmlIdAsync(Env env, string xmlId)
    {
        var parts = xmlId.Split('.', 2);
        var id = await env.Cr.IntAsync(
            "SELECT \"res_id\" FROM \"ir_model_data\" WHERE \"module\" = $1 AND \"name\" = $2 AND \"model\" = 'ir.actions.act_window'", parts[0], parts[1]).ConfigureAwait(false);
        if (id == 0)
        {
            throw OdooException.ValueError($"External ID not found in the system: {xmlId}");
        }

        return await ReadAsync(env, id, xmlId).ConfigureAwait(false);
    }

    public static async Task<JsonObject> ReadAsync(Env env, int id, string? xmlId = null)
    {
        var rows = await env.Cr.QueryAsync(
            "SELECT a.\"name\", a.\"res_model\", a.\"view_mode\", a.\"domain\", a.\"context\", a.\"target\", a.\"limit\", " +
            "(SELECT d.\"module\" || '.' || d.\"name\" FROM \"ir_model_data\" d WHERE d.\"model\" = 'ir.actions.act_window' AND d.\"res_id\" = a.id LIMIT 1) " +
            "FROM \"ir_act_window\" a WHERE a.id = $1", id).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            throw OdooException.MissingError($"Record does not exist or has been deleted.\n(Record: ir.actions.act_window({id},), User: {env.Uid})");
        }

        var row = rows[0];
        // Odoo 17 reads "tree" as "list" in the view modes it hands the web client.
        var viewMode = string.Join(',', ((string?)row[2] ?? "tree,form").Split(',').Select(m => m == "tree" ? "list" : m));
        return new JsonObject
        {
            ["id"] = id,
            ["type"] = "ir.actions.act_window",
            ["xml_id"] = xmlId ?? (string?)row[7] ?? string.Empty,
            ["name"] = (string?)row[0],
            ["display_name"] = (string?)row[0],
            ["res_model"] = (string?)row[1],
            ["view_mode"] = viewMode,
            ["views"] = Views(viewMode),
            ["domain"] = row[3] is string domain ? domain : false,
            ["context"] = (string?)row[4] ?? "{}",
            ["target"] = (string?)row[5] ?? "current",
            ["res_id"] = 0,
            ["limit"] = Convert.ToInt32(row[6] ?? 80, CultureInfo.InvariantCulture),
            ["help"] = false,
            ["search_view_id"] = false,
            ["filter"] = false,
            ["binding_type"] = "action",
            ["binding_view_types"] = "list,form",
        };
    }

    /// <summary>An <c>ir.actions.act_window</c> opening one record in a form (target current or new).</summary>
    public static JsonObject Form(string name, string model, int resId, string viewXmlId, JsonObject context, string target = "current")
    {
        var viewId = ViewIds.GetValueOrDefault(viewXmlId);
        return new JsonObject
        {
            ["name"] = name,
            ["type"] = "ir.actions.act_window",
            ["view_mode"] = "form",
            ["res_model"] = model,
            ["views"] = new JsonArray(new JsonArray(viewId == 0 ? false : viewId, "form")),
            ["view_id"] = viewId == 0 ? false : viewId,
            ["target"] = target,
            ["res_id"] = resId,
            ["context"] = context,
        };
    }

    /// <summary>
    /// <c>web.controllers.utils.clean_action</c>: a dict without type closes the dialog; a window action
    /// gets its <c>views</c> from <c>view_mode</c> when it has none.
    /// </summary>
    public static JsonNode Clean(JsonNode? result)
    {
        if (result is not JsonObject action || (action["type"] is JsonValue type && type.ToString().Length == 0))
        {
            return false;
        }

        action["type"] ??= "ir.actions.act_window_close";
        if (action["type"]!.ToString() == "ir.actions.act_window" && action["views"] is null)
        {
            action["views"] = Views(action["view_mode"]?.ToString() ?? "tree,form");
        }

        return action;
    }

    /// <summary>The views of a view mode: <c>[[false, "list"], [false, "form"]]</c> (tree is called list).</summary>
    public static JsonArray Views(string viewMode) => new(viewMode.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(mode => (JsonNode?)new JsonArray(false, mode == "tree" ? "list" : mode)).ToArray());
}
