using System.Text.Json;
using System.Text.Json.Serialization;

namespace OdooPerf.Odoo.Rpc;

/// <summary>Writes an <see cref="OdooSecret"/> as <c>"***"</c>; refuses to read one, so a secret never travels through JSON.</summary>
internal sealed class OdooSecretJsonConverter : JsonConverter<OdooSecret>
{
    public override OdooSecret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("secrets are not read from JSON");

    public override void Write(Utf8JsonWriter writer, OdooSecret value, JsonSerializerOptions options) =>
        writer.WriteStringValue(OdooSecret.Mask);
}
