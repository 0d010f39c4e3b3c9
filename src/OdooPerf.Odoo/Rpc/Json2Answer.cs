using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// Odoo 19's JSON-2 answers (<c>odoo/http.py</c> <c>Json2Dispatcher</c>): the method's return value as the body on 200;
/// on failure a real HTTP status (401 bad API key, 403, 404 unknown model or method, 422 bad arguments or a
/// <c>UserError</c>, 500) with <c>serialize_exception</c>'s object as the body: <c>{name, message, arguments, context, debug}</c>.
/// </summary>
internal static class Json2Answer
{
    public static JsonElement Result(HttpAnswer answer, OdooHttp http, RpcTally tally)
    {
        if (answer.IsSuccess)
        {
            return answer.Length == 0 ? default : OdooJson.Parse(answer, http, tally);
        }

        if (OdooJson.TryParse(answer.Body) is { ValueKind: JsonValueKind.Object } body && OdooJson.String(body, "name") is { } name)
        {
            var options = http.Options;
            var debug = OdooJson.String(body, "debug");
            return Throw(new OdooRpcException(
                0,
                name,
                OdooText.OneLine(OdooJson.String(body, "message"), options.MaxMessageLength, http.Credentials),
                debug is null ? null : OdooText.MultiLine(debug, options.MaxDebugLength, http.Credentials))
            {
                StatusCode = answer.StatusCode,
            });
        }

        throw JsonRpcEnvelope.HttpFailure(answer, http, tally);
    }

    private static JsonElement Throw(OdooRpcException exception) => throw exception;
}
