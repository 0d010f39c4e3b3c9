using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// Positional and keyword arguments of a model method call, bound to parameter names as Python would:
/// too many positional arguments, an unknown keyword or a missing required one is a <c>builtins.TypeError</c>.
/// </summary>
internal sealed class MethodArgs(string method, JsonArray args, JsonObject kwargs)
{
    public string Method => method;

    public JsonArray Positional => args;

    public JsonObject Keywords => kwargs;

    /// <summary>Binds to <paramref name="names"/>; a name ending in <c>!</c> is required, <c>**</c> accepts any other keyword.</summary>
    public BoundArgs Bind(params string[] names)
    {
        var acceptsAny = names.Contains("**");
        var parameters = names.Where(n => n != "**").Select(n => n.TrimEnd('!')).ToArray();
        var bound = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (args.Count > parameters.Length)
        {
            throw OdooException.TypeError($"{method}() takes {parameters.Length + 1} positional arguments but {args.Count + 1} were given");
        }

        for (var i = 0; i < args.Count; i++)
        {
            bound[parameters[i]] = args[i];
        }

        foreach (var (key, value) in kwargs)
        {
            if (!parameters.Contains(key))
            {
                if (acceptsAny)
                {
                    bound[key] = value;
                    continue;
                }

                throw OdooException.TypeError($"{method}() got an unexpected keyword argument '{key}'");
            }

            if (!bound.TryAdd(key, value))
            {
                throw OdooException.TypeError($"{method}() got multiple values for argument '{key}'");
            }
        }

        foreach (var name in names.Where(n => n.EndsWith('!')).Select(n => n.TrimEnd('!')))
        {
            if (!bound.ContainsKey(name))
            {
                throw OdooException.TypeError($"{method}() missing 1 required positional argument: '{name}'");
            }
        }

        return new BoundArgs(bound);
    }
}

internal sealed class BoundArgs(Dictionary<string, JsonNode?> values)
{
    public JsonNode? this[string name] => values.GetValueOrDefault(name);

    public bool Has(string name) => values.ContainsKey(name);

    public IEnumerable<KeyValuePair<string, JsonNode?>> All => values;

    public JsonArray? Domain(string name) => this[name] switch
    {
        JsonArray array => array,
        null => null,
        var other when Values.IsFalsy(other) => null,
        var other => throw OdooException.TypeError($"domain must be a list, not {Values.PythonTypeName(other)}"),
    };

    public int Int(string name, int fallback) => Values.IsFalsy(this[name]) && !Values.IsNumber(this[name]) ? fallback : Values.ToInt(this[name], name);

    public int? IntOrNull(string name) => Values.IsFalsy(this[name]) ? null : Values.ToInt(this[name], name);

    public string? String(string name) => Values.ToStringOrNull(this[name]);

    public bool Bool(string name, bool fallback) => Has(name) && this[name] is not null ? Values.IsTruthy(this[name]) : fallback;

    public List<string>? Names(string name) => this[name] switch
    {
        JsonArray array => array.Select(n => Values.ToStringOrNull(n) ?? string.Empty).ToList(),
        JsonValue value when Values.IsString(value) => [value.GetValue<string>()],
        _ => null,
    };

    public JsonObject Object(string name) => this[name] as JsonObject ?? [];
}
