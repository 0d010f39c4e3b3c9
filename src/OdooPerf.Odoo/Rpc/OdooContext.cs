using System.Text.Json.Nodes;

namespace OdooPerf.Odoo.Rpc;

/// <summary>Contexts the web client builds.</summary>
public static class OdooContext
{
    /// <summary>
    /// What a wizard opened from records needs (<c>sale.advance.payment.inv</c>, <c>stock.immediate.transfer</c>...):
    /// <c>{"active_model": M, "active_id": ids[0], "active_ids": ids}</c>.
    /// </summary>
    public static JsonObject Active(string model, params long[] ids)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(ids);
        var list = new JsonArray();
        foreach (var id in ids)
        {
            list.Add(id);
        }

        return new JsonObject
        {
            ["active_model"] = model,
            ["active_id"] = ids.Length > 0 ? ids[0] : null,
            ["active_ids"] = list,
        };
    }
}
