using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Http;

/// <summary>
/// Odoo 19's JSON-2 API: <c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c> with <c>Authorization: bearer &lt;API key&gt;</c>,
/// the body's <c>ids</c> and <c>context</c> plus the method's keyword arguments; the bare result as JSON, errors
/// as <c>serialize_exception</c> bodies with real HTTP statuses (401, 404, 422, 500).
/// </summary>
internal sealed partial class SimServer
{
    private async Task<HttpAnswer> Json2Async(RequestScope scope)
    {
        var request = scope.Http.Request;
        var parts = scope.Path["/json/2/".Length..].Split('/');
        try
        {
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0 || scope.Path.Length <= "/json/2/".Length)
            {
                throw OdooException.NotFound("Did you mean POST /json/2/<model>/<method>?");
            }

            if (request.Method != "POST")
            {
                return Json2Error(OdooException.ServerError("werkzeug.exceptions.MethodNotAllowed", "The method is not allowed for the requested URL."), 405);
            }

            var model = WebUtility.UrlDecode(parts[0]);
            var method = WebUtility.UrlDecode(parts[1]);
            var header = request.Headers.Authorization.ToString();
            var match = Regex.Match(header, @"^bearer\s+(.+)$", RegexOptions.IgnoreCase);
            if (!match.Success)
            {
                throw OdooException.Unauthorized("User not authenticated, use the \"Authorization\" header");
            }

            var uid = Values.ToInt(await WithEnvAsync(scope, 1, null, async env => await ApiKeyUserAsync(env, match.Groups[1].Value.Trim()).ConfigureAwait(false)).ConfigureAwait(false));
            if (uid == 0)
            {
                throw OdooException.Unauthorized("Invalid apikey");
            }

            scope.LogDatabase = DatabaseName;
            var body = new JsonObject();
            if (request.ContentLength is > 0 || request.Body.CanRead)
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
                if (buffer.Length > 0)
                {
                    try
                    {
                        body = JsonNode.Parse(buffer.ToArray()) as JsonObject ?? throw OdooException.ServerError("werkzeug.exceptions.BadRequest", "could not parse the body, expecting a json object");
                    }
                    catch (JsonException e)
                    {
                        return Json2Error(OdooException.ServerError("werkzeug.exceptions.BadRequest", $"could not parse the body as json: {e.Message}"), 400);
                    }
                }
            }

            if (!_registry.TryGetPublic(model, out var modelDef))
            {
                throw OdooException.NotFound($"the model '{model}' does not exist");
            }

            if (!_methods.TryFind(modelDef, method, Version.Major, out var spec) || method.StartsWith('_'))
            {
                throw OdooException.NotFound($"The method '{method}' does not exist on the model '{model}'");
            }

            var ids = body["ids"] is JsonNode idsNode ? Values.ToIds(idsNode) : [];
            body.Remove("ids");
            if (spec.Kind != MethodKind.Multi && ids.Length > 0)
            {
                throw OdooException.UnprocessableEntity($"cannot call {model}.{method} with ids");
            }

            var kwargs = (JsonObject)body.DeepClone();
            var args = spec.Kind == MethodKind.Multi ? new JsonArray(Values.IdArray(ids)) : [];
            JsonNode? result;
            try
            {
                result = await CallModelAsync(scope, uid, model, method, args, kwargs, unknownModelIsNotFound: true).ConfigureAwait(false);
            }
            catch (OdooException e) when (e.ExceptionName == "builtins.TypeError")
            {
                throw OdooException.UnprocessableEntity(e.Message);
            }

            return HttpAnswer.Json(result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = Translate(e);
            LogException(scope, error);
            _stats.ErrorAnswered(e is InjectedFault);
            return e is InjectedFault { Kind: FaultErrorKind.HttpInternalServerError } ? HttpAnswer.InternalServerError() : Json2Error(error, error.HttpStatus);
        }
    }

    private static HttpAnswer Json2Error(OdooException error, int status)
    {
        var answer = HttpAnswer.Json(JsonRpc.Serialize(error), status);
        if (status == 401)
        {
            answer.Headers.Add(new("WWW-Authenticate", "Bearer"));
        }

        return answer;
    }
}
