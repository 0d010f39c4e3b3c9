using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>How Odoo's <c>call_kw</c> passes a method its records: none (<c>@api.model</c>), the ids in <c>args[0]</c>, or <c>create</c>'s values.</summary>
internal enum MethodKind
{
    Model,
    Multi,
    Create,
}

/// <summary>One model method call: the environment, the model, the records (for multi methods) and the other arguments.</summary>
internal sealed record MethodCall(Env Env, ModelDef Model, int[] Ids, MethodArgs Args);

/// <summary>A model method; returning null is Python's None (the JSON-RPC answer then has no <c>result</c>).</summary>
internal delegate Task<JsonNode?> ModelMethod(MethodCall call);

internal sealed record MethodSpec(MethodKind Kind, ModelMethod Handler, int MinMajor = 16, int MaxMajor = 99);

/// <summary>
/// The methods RPC callers can reach: the generic ones every model has (<c>search_read</c>, <c>web_save</c>,
/// ...) and the business ones of specific models (<c>sale.order.action_confirm</c>, ...), per version.
/// </summary>
internal sealed class MethodTable
{
    private readonly Dictionary<string, List<MethodSpec>> _generic = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Model, string Method), List<MethodSpec>> _specific = [];

    public void Generic(string name, MethodKind kind, ModelMethod handler, int minMajor = 16, int maxMajor = 99) =>
        Add(_generic, name, new MethodSpec(kind, handler, minMajor, maxMajor));

    public void Model(string model, string name, MethodKind kind, ModelMethod handler, int minMajor = 16, int maxMajor = 99) =>
        Add(_specific, (model, name), new MethodSpec(kind, handler, minMajor, maxMajor));

    public bool TryFind(ModelDef model, string method, int major, out MethodSpec spec)
    {
        spec = null!;
        var found = _specific.TryGetValue((model.Name, method), out var specific) ? specific.FirstOrDefault(s => s.MinMajor <= major && major <= s.MaxMajor) : null;
        found ??= _generic.TryGetValue(method, out var generic) ? generic.FirstOrDefault(s => s.MinMajor <= major && major <= s.MaxMajor) : null;
        if (found is null)
        {
            return false;
        }

        spec = found;
        return true;
    }

    /// <summary>
    /// <c>odoo.api.call_kw</c>: checks the method is public and exists, takes the context out of the
    /// keyword arguments, splits the records off for multi methods, and calls.
    /// </summary>
    public async Task<JsonNode?> CallAsync(Env env, ModelDef model, string method, JsonArray args, JsonObject kwargs)
    {
        if (method.StartsWith('_'))
        {
            throw OdooException.AccessError($"Private methods (such as {method}) cannot be called remotely.");
        }

        if (!TryFind(model, method, env.Runtime.Version.Major, out var spec))
        {
            throw OdooException.AttributeError($"The method '{method}' does not exist on the model '{model.Name}'");
        }

        var keywords = (JsonObject)kwargs.DeepClone();
        var context = keywords["context"] as JsonObject;
        keywords.Remove("context");
        var callEnv = context is null ? env : env.WithContext(context);

        var positional = (JsonArray)args.DeepClone();
        var ids = Array.Empty<int>();
        if (spec.Kind == MethodKind.Multi)
        {
            if (positional.Count == 0)
            {
                throw OdooException.TypeError($"{method}() missing 1 required positional argument: 'self'");
            }

            ids = Values.ToIds(positional[0]);
            positional.RemoveAt(0);
        }

        return await spec.Handler(new MethodCall(callEnv, model, ids, new MethodArgs(method, positional, keywords))).ConfigureAwait(false);
    }

    private static void Add<TKey>(Dictionary<TKey, List<MethodSpec>> table, TKey key, MethodSpec spec)
        where TKey : notnull
    {
        if (!table.TryGetValue(key, out var list))
        {
            table[key] = list = [];
        }

        list.Add(spec);
    }
}
