using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Http;

/// <summary>
/// <c>/jsonrpc</c> (<c>odoo.http.dispatch_rpc</c>): <c>common</c> (version, login, authenticate), <c>object</c>
/// (execute_kw, execute) checked with the password or an API key, and <c>db</c> (list, server_version).
/// </summary>
internal sealed partial class SimServer
{
    // addons/rpc/controllers/__init__.py RPC_DEPRECATION_NOTICE (19), logged by the controller's own logger at every call.
    private const string RpcLogger = "odoo.addons.rpc.controllers.jsonrpc";

    private const string RpcDeprecationNotice =
        "The /xmlrpc, /xmlrpc/2 and /jsonrpc endpoints are deprecated in Odoo 19 and scheduled for removal in Odoo 20. Please report the problem to the client making the request.\n" +
        "Mute this logger: --log-handler " + RpcLogger + ":ERROR\n" +
        "https://www.odoo.com/documentation/latest/developer/reference/external_api.html#migrating-from-xml-rpc-json-rpc";

    private async Task<JsonNode?> RpcServiceAsync(RequestScope scope, JsonObject parameters)
    {
        if (Version.Major >= 19)
        {
            _log.Warning(scope.LogDatabase, RpcLogger, RpcDeprecationNotice);
        }

        var a = new MethodArgs("RPC.jsonrpc", [], parameters).Bind("service!", "method!", "args!");
        var service = a.String("service") ?? string.Empty;
        var method = a.String("method") ?? string.Empty;
        var args = a["args"] as JsonArray ?? [];
        switch (service)
        {
            case "common":
                return method switch
                {
                    "version" => Version.VersionInfo(),
                    "about" => "See http://openerp.com",
                    "login" => await CommonLoginAsync(scope, Arg(args, 0), Arg(args, 1), Arg(args, 2)).ConfigureAwait(false),
                    "authenticate" => await CommonLoginAsync(scope, Arg(args, 0), Arg(args, 1), Arg(args, 2)).ConfigureAwait(false),
                    _ => throw OdooException.ServerError("builtins.Exception", $"Method not found: {method}"),
                };
            case "object":
                return await ObjectAsync(scope, method, args).ConfigureAwait(false);
            case "db":
                return method switch
                {
                    "list" => new JsonArray(DatabaseName),
                    "server_version" => Version.Serie,
                    _ => throw OdooException.ServerError("builtins.KeyError", $"Method not found: {method}"),
                };
            default:
                throw OdooException.KeyError(service);
        }
    }

    // common.login / common.authenticate: the user id, or False (not an error) for wrong credentials.
    private async Task<JsonNode?> CommonLoginAsync(RequestScope scope, JsonNode? db, JsonNode? login, JsonNode? password)
    {
        if (Values.ToStringOrNull(db) != DatabaseName)
        {
            throw OdooException.ServerError("psycopg2.OperationalError", $"connection to server failed: FATAL:  database \"{Values.ToStringOrNull(db)}\" does not exist");
        }

        scope.LogDatabase = DatabaseName;
        try
        {
            return await LoginAsync(scope, Values.ToStringOrNull(login) ?? string.Empty, Values.ToStringOrNull(password) ?? string.Empty).ConfigureAwait(false);
        }
        catch (OdooException e) when (e.ExceptionName == "odoo.exceptions.AccessDenied")
        {
            return false;
        }
    }

    // object.execute_kw(db, uid, password, model, method, args, kwargs=None) and object.execute(db, uid, password, model, method, *args).
    private async Task<JsonNode?> ObjectAsync(RequestScope scope, string method, JsonArray args)
    {
        if (method is not ("execute_kw" or "execute"))
        {
            throw OdooException.ServerError("builtins.NameError", $"Method not available {method}");
        }

        if (args.Count < 5)
        {
            throw OdooException.TypeError($"{method}() missing required positional arguments");
        }

        if (Values.ToStringOrNull(args[0]) != DatabaseName)
        {
            throw OdooException.ServerError("psycopg2.OperationalError", $"connection to server failed: FATAL:  database \"{Values.ToStringOrNull(args[0])}\" does not exist");
        }

        scope.LogDatabase = DatabaseName;
        var uid = Values.ToInt(args[1], "uid");
        await CheckCredentialsAsync(scope, uid, Values.ToStringOrNull(args[2]) ?? string.Empty).ConfigureAwait(false);
        var model = Values.ToStringOrNull(args[3]) ?? string.Empty;
        var modelMethod = Values.ToStringOrNull(args[4]) ?? string.Empty;
        if (Version.LogsRpcFragment)
        {
            scope.LogFragment = $"{model}.{modelMethod}";
        }

        if (!_registry.TryGetPublic(model, out _))
        {
            throw OdooException.UserError($"Object {model} doesn't exist");
        }

        JsonArray callArgs;
        JsonObject kwargs;
        if (method == "execute_kw")
        {
            callArgs = args.Count > 5 && args[5] is JsonArray list ? (JsonArray)list.DeepClone() : [];
            kwargs = args.Count > 6 && args[6] is JsonObject obj ? (JsonObject)obj.DeepClone() : [];
        }
        else
        {
            callArgs = new JsonArray(args.Skip(5).Select(n => n?.DeepClone()).ToArray());
            kwargs = [];
        }

        return await CallModelAsync(scope, uid, model, modelMethod, callArgs, kwargs, unknownModelIsNotFound: false).ConfigureAwait(false);
    }

    private static JsonNode? Arg(JsonArray args, int index) => index < args.Count ? args[index] : null;
}
