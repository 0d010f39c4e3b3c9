using System.Text.Json;

namespace OdooPerf.Odoo.Schema;

/// <summary>
/// The fields a server has, for the models that were asked about: what its <c>fields_get</c> answered, per model. A
/// model absent here was not installed (or not asked about); a field absent from a present model does not exist in
/// that server's version.
/// </summary>
public sealed class OdooSchema
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, OdooField>> _models = new(StringComparer.Ordinal);

    public bool HasModel(string model) => _models.ContainsKey(model);

    public bool Has(string model, string field) => TryGetField(model, field, out _);

    public bool TryGetField(string model, string field, out OdooField found)
    {
        found = null!;
        return _models.TryGetValue(model, out var fields) && fields.TryGetValue(field, out found!);
    }

    /// <summary>Adds a model from its <c>fields_get</c> result (<c>{"name": {"type": "char", ...}, ...}</c>).</summary>
    public void AddFieldsGet(string model, JsonElement fieldsGet)
    {
        var fields = new Dictionary<string, OdooField>(StringComparer.Ordinal);
        if (fieldsGet.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in fieldsGet.EnumerateObject())
            {
                var description = property.Value;
                fields[property.Name] = new OdooField(
                    property.Name,
                    Text(description, "type") ?? "unknown",
                    Text(description, "relation"),
                    description.ValueKind == JsonValueKind.Object && description.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True);
            }
        }

        _models[model] = fields;
    }

    private static string? Text(JsonElement description, string key) =>
        description.ValueKind == JsonValueKind.Object && description.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
