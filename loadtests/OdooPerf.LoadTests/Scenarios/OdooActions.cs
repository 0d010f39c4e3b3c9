using System.Text.Json;
using System.Text.Json.Nodes;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>What the web client reads from an action a button returned: the record it opens and the context it carries.</summary>
internal static class OdooActions
{
    /// <summary>The action's <c>res_id</c> (a form on one record), or null (a list, a new record, <c>false</c>).</summary>
    public static long? ResId(OdooResponse response) =>
        response.Result.ValueKind == JsonValueKind.Object && response.Result.TryGetProperty("res_id", out var id)
            && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value) && value > 0
            ? value
            : null;

    /// <summary>
    /// The action's context as the web client passes it on to the next call (a wizard's <c>active_ids</c>,
    /// <c>default_*</c> values); an empty object when it has none. A string context (Odoo's unevaluated Python) is not
    /// sent on: the web client would evaluate it, which a load generator cannot.
    /// </summary>
    public static JsonObject Context(JsonElement context) =>
        context.ValueKind == JsonValueKind.Object ? (JsonObject)JsonNode.Parse(context.GetRawText())! : new JsonObject();

    /// <summary>The context of the action a button returned (empty when none).</summary>
    public static JsonObject Context(OdooResponse response) =>
        response.Result.ValueKind == JsonValueKind.Object && response.Result.TryGetProperty("context", out var context) ? Context(context) : new JsonObject();
}
