using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooPerf.Odoo.Rpc;

/// <summary>Writes JSON nodes without attaching them to a parent, so callers can share them.</summary>
internal static class JsonWrite
{
    public static void Node(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    public static void Ids(Utf8JsonWriter writer, IReadOnlyList<long> ids)
    {
        writer.WriteStartArray();
        for (var i = 0; i < ids.Count; i++)
        {
            writer.WriteNumberValue(ids[i]);
        }

        writer.WriteEndArray();
    }

    public static void Strings(Utf8JsonWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartArray();
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }
}
