using System.Text.Json;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Logging;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Http;

/// <summary>
/// Odoo's JSON-RPC envelope (<c>odoo.http.JsonRPCDispatcher</c>): <c>params</c> in, <c>result</c> or <c>error</c> out,
/// always HTTP 200; a None result leaves <c>result</c> out; errors carry <c>serialize_exception</c>'s data.
/// </summary>
internal static class JsonRpc
{
    public sealed record Call(JsonNode? Id, JsonObject Params);

    /// <summary>The request's <c>id</c> and <c>params</c>, or null when the body is not JSON-RPC (Odoo answers 400).</summary>
    public static Call? Parse(byte[] body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject request)
            {
                return null;
            }

            var parameters = request["params"] switch
            {
                JsonObject obj => obj,
                null => [],
                _ => null,
            };
            return parameters is null ? null : new Call(request["id"]?.DeepClone(), (JsonObject)parameters.DeepClone());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonObject Result(JsonNode? id, JsonNode? result)
    {
        var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone() };
        if (result is not null)
        {
            response["result"] = result;
        }

        return response;
    }

    public static JsonObject Error(JsonNode? id, OdooException exception) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id?.DeepClone(),
        ["error"] = new JsonObject
        {
            ["code"] = exception.JsonRpcCode,
            ["message"] = exception.JsonRpcCode switch { 100 => "Odoo Session Expired", 404 => "404: Not Found", _ => "Odoo Server Error" },
            ["data"] = Serialize(exception),
        },
    };

    /// <summary><c>odoo.http.serialize_exception</c>: name, debug (the traceback), message, arguments, context.</summary>
    public static JsonObject Serialize(OdooException exception) => new()
    {
        ["name"] = exception.ExceptionName,
        ["debug"] = PythonTraceback.For(exception),
        ["message"] = exception.Message,
        ["arguments"] = exception.Arguments.DeepClone(),
        ["context"] = new JsonObject(),
    };
}
