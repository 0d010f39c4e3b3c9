using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>Python-flavoured JSON values: falsy tests, ints, floats, Odoo's date formats.</summary>
internal static class Values
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string DatetimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static JsonNode Date(DateTime value) => JsonValue.Create(value.ToString(DateFormat, CultureInfo.InvariantCulture));

    public static JsonNode Datetime(DateTime value) => JsonValue.Create(value.ToString(DatetimeFormat, CultureInfo.InvariantCulture));

    /// <summary>Python truthiness: null, false, 0, "", [] and {} are falsy.</summary>
    public static bool IsFalsy(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => true,
            JsonValueKind.Number => RawDouble(value) == 0,
            JsonValueKind.String => value.GetValue<string>().Length == 0,
            _ => false,
        },
        _ => false,
    };

    public static bool IsTruthy(JsonNode? node) => !IsFalsy(node);

    public static bool IsNumber(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number;

    public static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    public static bool IsBool(JsonNode? node) => node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    /// <summary>An integer argument; a float with no fraction is accepted as Python would after int().</summary>
    public static int ToInt(JsonNode? node, string what = "value")
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            var number = RawDouble(value);
            if (number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue)
            {
                return (int)number;
            }
        }

        if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String
            && int.TryParse(text.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw OdooException.TypeError($"{what} must be an integer, not {PythonTypeName(node)}");
    }

    public static int? ToIntOrNull(JsonNode? node) => IsFalsy(node) && !IsNumber(node) ? null : ToInt(node);

    public static double ToDouble(JsonNode? node)
    {
        if (node is null || (node is JsonValue v && v.GetValueKind() is JsonValueKind.False or JsonValueKind.Null))
        {
            return 0;
        }

        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.Number:
                    return RawDouble(value);
                case JsonValueKind.True:
                    return 1;
                case JsonValueKind.String when double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
            }
        }

        throw OdooException.TypeError($"float() argument must be a string or a real number, not '{PythonTypeName(node)}'");
    }

    public static string? ToStringOrNull(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? value.GetValue<string>()
        : IsFalsy(node) ? null : node!.ToJsonString();

    /// <summary>A list of record ids (<c>[1, 2]</c>) or a single id (<c>1</c>), as <c>browse()</c> accepts.</summary>
    public static int[] ToIds(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => ToInt(n, "id")).ToArray(),
        JsonValue value when value.GetValueKind() is JsonValueKind.False or JsonValueKind.Null => [],
        _ => [ToInt(node, "id")],
    };

    public static JsonArray IdArray(IEnumerable<int> ids) => new(ids.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());

    /// <summary>
    /// A float as Python's json.dumps writes it: 50.0, not 50 (a JSON element keeps its text; a plain double
    /// would lose the fraction).
    /// </summary>
    public static JsonNode Number(double value) =>
        JsonValue.Create(JsonSerializer.Deserialize<JsonElement>(PythonRepr.FloatText(Math.Round(value, 6))))!;

    public static string PythonTypeName(JsonNode? node) => node switch
    {
        null => "NoneType",
        JsonArray => "list",
        JsonObject => "dict",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "str",
            JsonValueKind.Number => RawDouble(value) == Math.Floor(RawDouble(value)) ? "int" : "float",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => "NoneType",
        },
        _ => "object",
    };

    /// <summary>The number in a JSON value, whatever CLR type it was created from.</summary>
    public static double RawDouble(JsonValue value)
    {
        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            return (double)m;
        }

        if (value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.Number)
        {
            return element.GetDouble();
        }

        throw OdooException.TypeError($"expected a number, got {value.ToJsonString()}");
    }

    public static JsonObject Object(params (string Key, JsonNode? Value)[] entries)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in entries)
        {
            obj[key] = value;
        }

        return obj;
    }
}
