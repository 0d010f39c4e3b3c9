using System.Globalization;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Business;

/// <summary>
/// What <c>onchange</c> answers when a field changes: the few derivations the business flows rely on
/// (a product's description, price and unit on a line; a customer's addresses on an order). Other
/// changes derive nothing, which Odoo answers the same way: <c>{"value": {}}</c>.
/// </summary>
internal static class Onchanges
{
    public static async Task<JsonObject> DeriveAsync(Env env, ModelDef model, JsonObject values, IReadOnlyCollection<string> changed)
    {
        var result = new JsonObject();
        if (model.Name is "sale.order.line" or "purchase.order.line" or "stock.move" or "account.move.line" && changed.Contains("product_id") && Values.IsTruthy(values["product_id"]))
        {
            var productId = values["product_id"] is JsonObject obj ? Values.ToInt(obj["id"]) : Values.ToIntOrNull(values["product_id"]) ?? 0;
            var product = (await env.Cr.QueryAsync("""
                SELECT CASE WHEN p."default_code" IS NOT NULL THEN '[' || p."default_code" || '] ' || t."name" ELSE t."name" END, t."list_price", t."standard_price", t."uom_id",
                  (SELECT u."name" FROM "uom_uom" u WHERE u.id = t."uom_id")
                FROM "product_product" p JOIN "product_template" t ON t.id = p."product_tmpl_id" WHERE p.id = $1
                """, productId).ConfigureAwait(false)).FirstOrDefault();
            if (product is not null)
            {
                var uom = product[3] is null ? (JsonNode)false : new JsonObject { ["id"] = Convert.ToInt32(product[3], CultureInfo.InvariantCulture), ["display_name"] = (string?)product[4] };
                if (env.Runtime.Schema.Has(model.Name, "name"))
                {
                    result["name"] = (string?)product[0];
                }

                switch (model.Name)
                {
                    case "sale.order.line":
                        result["price_unit"] = Values.Number(Convert.ToDouble(product[1], CultureInfo.InvariantCulture));
                        result[env.Runtime.Schema.FieldName(model.Name, "product_uom")] = uom;
                        break;
                    case "purchase.order.line":
                        result["price_unit"] = Values.Number(Convert.ToDouble(product[2], CultureInfo.InvariantCulture));
                        result[env.Runtime.Schema.FieldName(model.Name, "product_uom")] = uom;
                        break;
                    case "stock.move":
                        result[env.Runtime.Schema.FieldName(model.Name, "product_uom")] = uom;
                        break;
                    default:
                        result["price_unit"] = Values.Number(Convert.ToDouble(product[1], CultureInfo.InvariantCulture));
                        result["product_uom_id"] = uom;
                        break;
                }
            }
        }

        if (model.Name == "sale.order" && changed.Contains("partner_id") && Values.IsTruthy(values["partner_id"]))
        {
            var partnerId = values["partner_id"] is JsonObject obj ? Values.ToInt(obj["id"]) : Values.ToIntOrNull(values["partner_id"]) ?? 0;
            var names = await env.Orm.DisplayNamesAsync(env, env.Model("res.partner"), [partnerId]).ConfigureAwait(false);
            var partner = new JsonObject { ["id"] = partnerId, ["display_name"] = names.GetValueOrDefault(partnerId, string.Empty) };
            result["partner_invoice_id"] = partner;
            result["partner_shipping_id"] = partner.DeepClone();
        }

        return result;
    }
}
