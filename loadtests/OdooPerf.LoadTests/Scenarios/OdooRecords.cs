using System.Text.Json;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>Reading what Odoo answered: record ids, many2one ids, the first record, a dialog a button opened.</summary>
internal static class OdooRecords
{
    /// <summary>The <c>id</c> of each record of a read (<c>web_search_read</c>, <c>search_read</c>, <c>read</c>), or a <c>search</c>'s ids.</summary>
    public static IReadOnlyList<long> Ids(OdooResponse response)
    {
        var records = response.Result.ValueKind == JsonValueKind.Array ? response.Result : response.GetRecords();
        var ids = new List<long>(records.GetArrayLength());
        foreach (var record in records.EnumerateArray())
        {
            if (record.ValueKind == JsonValueKind.Number && record.TryGetInt64(out var bare))
            {
                ids.Add(bare);
            }
            else if (record.ValueKind == JsonValueKind.Object && record.TryGetProperty("id", out var id) && id.TryGetInt64(out var value))
            {
                ids.Add(value);
            }
        }

        return ids;
    }

    /// <summary>
    /// A many2one's id: <c>[id, "name"]</c> (<c>read</c>), <c>{"id": id, ...}</c> (17+ specification), or a bare id;
    /// null when empty (<c>false</c>).
    /// </summary>
    public static long? Many2One(JsonElement record, string field)
    {
        if (record.ValueKind != JsonValueKind.Object || !record.TryGetProperty(field, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var id) => id,
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].TryGetInt64(out var id) => id,
            JsonValueKind.Object when value.TryGetProperty("id", out var id) && id.TryGetInt64(out var number) => number,
            _ => null,
        };
    }

    /// <summary>The first record of a read, or null when it found none.</summary>
    public static JsonElement? First(OdooResponse response)
    {
        var records = response.GetRecords();
        return records.GetArrayLength() > 0 ? records[0] : null;
    }

    /// <summary>
    /// The action a button returned, when it is a window action (a wizard to fill in): its <c>res_model</c> and
    /// <c>context</c>. Null for <c>false</c> (the button finished) or any other action.
    /// </summary>
    public static (string Model, JsonElement Context)? WindowAction(OdooResponse response)
    {
        var action = response.Result;
        if (action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("type", out var type) || type.GetString() != "ir.actions.act_window"
            || !action.TryGetProperty("res_model", out var model) || model.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return (model.GetString()!, action.TryGetProperty("context", out var context) ? context : default);
    }
}
