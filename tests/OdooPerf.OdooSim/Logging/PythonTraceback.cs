using System.Text;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Logging;

/// <summary>
/// A Python traceback as Odoo's <c>traceback.format_exc()</c> prints it, from Application.__call__ down to
/// where such an exception is raised: the <c>debug</c> of a JSON-RPC error and the continuation lines of an
/// ERROR log entry.
/// </summary>
internal static class PythonTraceback
{
    private const string Root = "/usr/lib/python3/dist-packages/odoo";

    private static readonly (string File, int Line, string Function, string Code)[] Dispatch =
    [
        ("http.py", 2189, "__call__", "response = request._serve_db()"),
        ("http.py", 1783, "_serve_db", "return service_model.retrying(self._serve_ir_http, self.env)"),
        ("service/model.py", 133, "retrying", "result = func()"),
        ("http.py", 1810, "_serve_ir_http", "response = self.dispatcher.dispatch(rule.endpoint, args)"),
        ("http.py", 2014, "dispatch", "result = self.request.registry['ir.http']._dispatch(endpoint)"),
        ("addons/base/models/ir_http.py", 222, "_dispatch", "result = endpoint(**request.params)"),
        ("http.py", 722, "route_wrapper", "result = endpoint(self, *args, **params_ok)"),
    ];

    public static string For(OdooException exception)
    {
        var text = new StringBuilder("Traceback (most recent call last):\n");
        foreach (var frame in Dispatch)
        {
            Frame(text, frame.File, frame.Line, frame.Function, frame.Code);
        }

        switch (exception.ExceptionName)
        {
            case "builtins.KeyError":
                Frame(text, "addons/web/controllers/dataset.py", 20, "_call_kw", "return call_kw(request.env[model], method, args, kwargs)");
                Frame(text, "api.py", 539, "__getitem__", "return self.registry[model_name]._browse(self, (), ())");
                Frame(text, "modules/registry.py", 209, "__getitem__", "return self.models[model_name]");
                break;
            case "builtins.AttributeError":
                Frame(text, "addons/web/controllers/dataset.py", 20, "_call_kw", "return call_kw(request.env[model], method, args, kwargs)");
                Frame(text, "api.py", 461, "call_kw", "raise AttributeError(f\"The method '{name}' does not exist on the model '{model._name}'\")");
                break;
            case var name when name.StartsWith("psycopg2.", StringComparison.Ordinal):
                Frame(text, "addons/web/controllers/dataset.py", 20, "_call_kw", "return call_kw(request.env[model], method, args, kwargs)");
                Frame(text, "api.py", 468, "call_kw", "result = _call_kw_multi(method, model, args, kwargs)");
                Frame(text, "sql_db.py", 332, "execute", "res = self._obj.execute(query, params)");
                break;
            default:
                Frame(text, "addons/web/controllers/dataset.py", 20, "_call_kw", "return call_kw(request.env[model], method, args, kwargs)");
                Frame(text, "api.py", 468, "call_kw", "result = _call_kw_multi(method, model, args, kwargs)");
                break;
        }

        text.Append(LastLine(exception)).Append('\n');
        return text.ToString();
    }

    /// <summary>Python's last traceback line: builtins without their module, KeyError with the key quoted.</summary>
    public static string LastLine(OdooException exception)
    {
        var name = exception.ExceptionName.StartsWith("builtins.", StringComparison.Ordinal) ? exception.ExceptionName["builtins.".Length..] : exception.ExceptionName;
        var message = name == "KeyError" ? $"'{exception.Message}'" : exception.Message;
        return $"{name}: {message}";
    }

    private static void Frame(StringBuilder text, string file, int line, string function, string code) =>
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  File \"{Root}/{file}\", line {line}, in {function}\n    {code}\n");
}
