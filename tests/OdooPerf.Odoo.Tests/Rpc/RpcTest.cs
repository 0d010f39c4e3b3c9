using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OdooPerf.Odoo.Rpc;
using Xunit;

namespace OdooPerf.Odoo.Tests.Rpc;

/// <summary>Shared bits of the RPC client tests.</summary>
internal static class RpcTest
{
    public static OdooCredentials PasswordCredentials(string password = FakeOdooRpcServer.Password) =>
        new(FakeOdooRpcServer.Database, FakeOdooRpcServer.Login, new OdooSecret(password, OdooSecretKind.Password));

    public static OdooCredentials ApiKeyCredentials(string key = FakeOdooRpcServer.ApiKey) =>
        new(FakeOdooRpcServer.Database, FakeOdooRpcServer.Login, new OdooSecret(key, OdooSecretKind.ApiKey));

    public static JsonObject Body(FakeRequest request) => JsonNode.Parse(request.Body)!.AsObject();

    public static JsonObject Params(FakeRequest request) => Body(request)["params"]!.AsObject();

    public static void JsonEqual(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\n  actual {actual?.ToJsonString()}");

    public static long Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>
    /// Everything a program could print or log about an object: ToString, JSON, and each public property's ToString and
    /// JSON (exceptions cannot be serialised whole: TargetSite is reflection).
    /// </summary>
    public static string EveryRendering(object value)
    {
        var text = new StringBuilder();
        text.AppendLine(value.ToString());
        if (value is not Exception)
        {
            text.AppendLine(JsonSerializer.Serialize(value, value.GetType()));
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name is nameof(Exception.TargetSite))
            {
                continue;
            }

            var item = property.GetValue(value);
            text.AppendLine(item?.ToString());
            if (item is not null && item is not Exception && item is not System.Collections.IDictionary)
            {
                text.AppendLine(JsonSerializer.Serialize(item, item.GetType()));
            }
        }

        return text.ToString();
    }
}
