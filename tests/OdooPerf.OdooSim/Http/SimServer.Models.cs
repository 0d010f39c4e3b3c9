using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Business;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Http;

/// <summary>Model calls: <c>/web/dataset/call_kw</c>, <c>/web/dataset/call_button</c>, and the call every RPC route shares, with its faults.</summary>
internal sealed partial class SimServer
{
    /// <summary><c>call_kw(model, method, args, kwargs, path=None)</c> and <c>call_button(...)</c>.</summary>
    private async Task<JsonNode?> CallKwAsync(RequestScope scope, JsonObject parameters, bool button)
    {
        var a = new MethodArgs(button ? "DataSet.call_button" : "DataSet.call_kw", [], parameters).Bind("model!", "method!", "args!", "kwargs!");
        var model = a.String("model") ?? string.Empty;
        var method = a.String("method") ?? string.Empty;
        var routeSuffix = scope.Path.Length > (button ? "/web/dataset/call_button/" : "/web/dataset/call_kw/").Length
            ? scope.Path[(button ? "/web/dataset/call_button/" : "/web/dataset/call_kw/").Length..]
            : null;
        if (Version.LogsRpcFragment && routeSuffix != $"{model}.{method}")
        {
            scope.LogFragment = $"{model}.{method}";
        }

        var result = await CallModelAsync(scope, scope.Session!.Uid, model, method, a["args"] as JsonArray ?? [], a["kwargs"] as JsonObject ?? [], unknownModelIsNotFound: Version.Major >= 18).ConfigureAwait(false);
        return button ? Actions.Clean(result) : result;
    }

    /// <summary>
    /// One model method call: the model must exist (KeyError, or NotFound from 18 on, as the readonly
    /// check of the route raises it first), faults apply, then the method runs in a transaction.
    /// </summary>
    private async Task<JsonNode?> CallModelAsync(RequestScope scope, int uid, string model, string method, JsonArray args, JsonObject kwargs, bool unknownModelIsNotFound)
    {
        if (!_registry.TryGetPublic(model, out var modelDef))
        {
            throw unknownModelIsNotFound ? OdooException.NotFound() : OdooException.KeyError(model);
        }

        _stats.ModelCalled(model, method);
        var faults = _faults.Current;
        await InjectFaultsAsync(faults).ConfigureAwait(false);
        return await WithEnvAsync(scope, uid, null, async env =>
        {
            if (faults.PostgresSleep > TimeSpan.Zero)
            {
                await env.Cr.ExecuteAsync("SELECT pg_sleep($1)", faults.PostgresSleep.TotalSeconds).ConfigureAwait(false);
            }

            return await _methods.CallAsync(env, modelDef, method, args, kwargs).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task InjectFaultsAsync(FaultSettings faults)
    {
        var latency = faults.LatencyAt(Stopwatch.GetElapsedTime(_startedTimestamp), Random.Shared);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency).ConfigureAwait(false);
        }

        if (faults.ErrorRate > 0 && Random.Shared.NextDouble() < faults.ErrorRate)
        {
            var error = faults.ErrorKind == FaultErrorKind.UserError
                ? OdooException.UserError("Simulated failure (odoosim error injection).")
                : OdooException.ServerError("psycopg2.errors.QueryCanceled", "canceling statement due to statement timeout");
            throw new InjectedFault(faults.ErrorKind, error);
        }
    }

    /// <summary><c>/web/action/load(action_id, context=None)</c>: a window action by id or XML id, False when there is none.</summary>
    private Task<JsonNode?> LoadActionAsync(RequestScope scope, JsonObject parameters)
    {
        var a = new MethodArgs("Action.load", [], parameters).Bind("action_id!", "context", "additional_context");
        return WithEnvAsync(scope, scope.Session!.Uid, null, async env =>
        {
            var action = a["action_id"];
            if (Values.IsNumber(action) || int.TryParse(Values.ToStringOrNull(action), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                var id = Values.ToInt(action);
                return await env.Cr.IntAsync("SELECT count(*) FROM \"ir_act_window\" WHERE id = $1", id).ConfigureAwait(false) == 0
                    ? false
                    : Actions.Clean(await Actions.ReadAsync(env, id).ConfigureAwait(false));
            }

            var xmlId = Values.ToStringOrNull(action) ?? string.Empty;
            try
            {
                return Actions.Clean(await Actions.ForXmlIdAsync(env, xmlId).ConfigureAwait(false));
            }
            catch (OdooException e) when (e.ExceptionName == "builtins.ValueError")
            {
                return false;
            }
        });
    }
}
