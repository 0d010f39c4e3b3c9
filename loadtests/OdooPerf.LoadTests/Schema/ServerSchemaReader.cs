using System.Text.Json;
using System.Text.Json.Nodes;
using OdooPerf.LoadTests.Scenarios;
using OdooPerf.Odoo.Rpc;
using OdooPerf.Odoo.Schema;

namespace OdooPerf.LoadTests.Schema;

/// <summary>
/// Reads, once per run, the schema of every model the chosen scenarios touch: one <c>ir.model</c> search says which
/// of them exist on the server (a model of an app that is not installed is simply absent), then one <c>fields_get</c>
/// per existing model, with the attributes the scenarios need. Each request is a <c>preflight_*</c> step, so the
/// run's request count stays what the server saw.
/// </summary>
internal static class ServerSchemaReader
{
    private static readonly string[] Attributes = ["type", "relation", "required"];

    public static async Task<OdooSchema> ReadAsync(OdooSetup setup, IEnumerable<string> models)
    {
        var wanted = models.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var schema = new OdooSchema();
        if (wanted.Length == 0)
        {
            return schema;
        }

        var names = new JsonArray(wanted.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
        var existing = await setup.Call("preflight_models", (client, ct) => client.SearchReadAsync(
            "ir.model", OdooDomain.Where("model", "in", names), ["model"], cancellationToken: ct)).ConfigureAwait(false);
        foreach (var record in existing.GetRecords().EnumerateArray())
        {
            if (record.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String)
            {
                var name = model.GetString()!;
                var fields = await setup.Call("preflight_fields", (client, ct) => client.CallKwAsync(name, "fields_get", new JsonArray(),
                    new JsonObject { ["attributes"] = new JsonArray(Attributes.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()) }, ct)).ConfigureAwait(false);
                schema.AddFieldsGet(name, fields.Result);
            }
        }

        return schema;
    }
}
