using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// Odoo's JSON-RPC 2.0 envelope (<c>odoo/http.py</c>, <c>JsonRPCDispatcher</c>): requests
/// <c>{"jsonrpc": "2.0", "method": "call", "params": {...}, "id": N}</c>; answers always HTTP 200 with either
/// <c>result</c> or <c>error: {code, message, data}</c>. <c>_response</c> leaves <c>result</c> out when the method returned
/// None (up to 18), which is a null result, not an error.
/// </summary>
internal static class JsonRpcEnvelope
{
    public static void Begin(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteString("method", "call");
        writer.WriteStartObject("params");
    }

    public static void End(Utf8JsonWriter writer, long id)
    {
        writer.WriteEndObject();
        writer.WriteNumber("id", id);
        writer.WriteEndObject();
    }

    /// <summary>The <c>result</c> of an answer, or the failure it carries as an exception.</summary>
    public static JsonElement Result(HttpAnswer answer, OdooHttp http, RpcTally tally)
    {
        if (!answer.IsSuccess)
        {
            throw HttpFailure(answer, http, tally);
        }

        var root = OdooJson.Parse(answer, http, tally);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new OdooProtocolException("invalid_response", $"{tally.Route} answered a JSON {root.ValueKind}, not a JSON-RPC response");
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            throw Error(error, http.Credentials, http.Options);
        }

        return root.TryGetProperty("result", out var result) ? result : default;
    }

    /// <summary>A non-2xx answer: what a proxy, a redirect or a crashed worker sends, whatever its body.</summary>
    public static OdooHttpException HttpFailure(HttpAnswer answer, OdooHttp http, RpcTally tally)
    {
        var snippet = OdooText.Snippet(answer.Body.Span, 200, http.Credentials);
        var message = $"HTTP {answer.StatusCode} from {tally.Route}" + (snippet.Length > 0 ? $": {snippet}" : "");
        return new OdooHttpException(answer.StatusCode, OdooHttpException.ReasonFor(answer.StatusCode), message);
    }

    // error = {code, message, data: serialize_exception(exc)} (JsonRPCDispatcher.handle_error): the message for
    // people is data.message; error.message is a fixed "Odoo Server Error" / "Odoo Session Expired".
    private static OdooRpcException Error(JsonElement error, OdooCredentials credentials, OdooClientOptions options)
    {
        var code = error.TryGetProperty("code", out var codeElement) && codeElement.ValueKind == JsonValueKind.Number && codeElement.TryGetInt32(out var c) ? c : 0;
        string? name = null;
        string? message = null;
        string? debug = null;
        if (error.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            name = OdooJson.String(data, "name");
            message = OdooJson.String(data, "message");
            debug = OdooJson.String(data, "debug");
        }

        message ??= OdooJson.String(error, "message");
        return new OdooRpcException(
            code,
            name,
            OdooText.OneLine(message, options.MaxMessageLength, credentials),
            debug is null ? null : OdooText.MultiLine(debug, options.MaxDebugLength, credentials));
    }
}
