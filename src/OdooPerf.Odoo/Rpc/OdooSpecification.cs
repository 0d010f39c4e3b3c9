using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// The <c>specification</c> the web client sends to <c>web_search_read</c>, <c>web_read</c> and <c>web_save</c> (Odoo 17+):
/// <c>{"name": {}, "partner_id": {"fields": {"display_name": {}}}, "order_line": {"fields": {...}, "limit": 40}}</c>.
/// On older servers the helpers send the top-level <see cref="FieldNames"/> instead. Build it once, then share it: it
/// is only read while calls run.
/// </summary>
public sealed class OdooSpecification
{
    private readonly List<(string Name, FieldSpec Spec)> _fields = [];

    // The wire form, made on first use and dropped when a field is added.
    private JsonDocument? _json;

    /// <summary>A specification of plain fields: <c>Of("name", "state", "amount_total")</c>.</summary>
    public static OdooSpecification Of(params string[] fields)
    {
        var spec = new OdooSpecification();
        foreach (var field in fields)
        {
            spec.Field(field);
        }

        return spec;
    }

    /// <summary>The top-level field names, in order.</summary>
    public IReadOnlyList<string> FieldNames => _fields.ConvertAll(f => f.Name);

    /// <summary>A plain field: <c>"name": {}</c>.</summary>
    public OdooSpecification Field(string name) => Add(name, new FieldSpec(null, null, null, null));

    /// <summary>
    /// A relational field with its own fields: <c>"partner_id": {"fields": {"display_name": {}}}</c>; x2many fields may
    /// carry the <paramref name="limit"/> and <paramref name="order"/> of the sub-list, and a <paramref name="context"/>.
    /// </summary>
    public OdooSpecification Field(string name, Action<OdooSpecification> fields, int? limit = null, string? order = null, JsonObject? context = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var nested = new OdooSpecification();
        fields(nested);
        return Add(name, new FieldSpec(nested, limit, order, context?.DeepClone()));
    }

    /// <summary>A new JSON object holding this specification.</summary>
    public JsonObject ToJsonObject() => (JsonObject)JsonNode.Parse(ToString())!;

    public override string ToString()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonBody.Options))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>The specification for kwargs: a new node over an element parsed once (see <see cref="OdooDomain"/>).</summary>
    internal JsonNode ToNode()
    {
        var json = _json ??= JsonDocument.Parse(ToString());
        return JsonObject.Create(json.RootElement)!;
    }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (name, spec) in _fields)
        {
            writer.WriteStartObject(name);
            if (spec.Fields is not null)
            {
                writer.WritePropertyName("fields");
                spec.Fields.WriteTo(writer);
            }

            if (spec.Limit is { } limit)
            {
                writer.WriteNumber("limit", limit);
            }

            if (spec.Order is not null)
            {
                writer.WriteString("order", spec.Order);
            }

            if (spec.Context is not null)
            {
                writer.WritePropertyName("context");
                spec.Context.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private OdooSpecification Add(string name, FieldSpec spec)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _json = null;
        var index = _fields.FindIndex(f => f.Name == name);
        if (index >= 0)
        {
            _fields[index] = (name, spec);
        }
        else
        {
            _fields.Add((name, spec));
        }

        return this;
    }

    private sealed record FieldSpec(OdooSpecification? Fields, int? Limit, string? Order, JsonNode? Context);
}
