using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>Python's <c>repr()</c> of JSON values, for messages Odoo builds with it (a domain leaf is a tuple).</summary>
internal static class PythonRepr
{
    public static string Of(JsonNode? node) => node switch
    {
        null => "None",
        JsonArray array => "[" + string.Join(", ", array.Select(Of)) + "]",
        JsonObject obj => "{" + string.Join(", ", obj.Select(kv => $"{Text(kv.Key)}: {Of(kv.Value)}")) + "}",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => Text(value.GetValue<string>()),
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            JsonValueKind.Number => Number(Values.RawDouble(value), value),
            _ => "None",
        },
        _ => "None",
    };

    /// <summary>A domain leaf as the tuple Odoo prints: <c>('name', '=', 1)</c>.</summary>
    public static string Tuple(JsonArray leaf) => "(" + string.Join(", ", leaf.Select(Of)) + ")";

    private static string Number(double number, JsonValue value)
    {
        var isInteger = value.TryGetValue<int>(out _) || value.TryGetValue<long>(out _)
            || (value.TryGetValue<JsonElement>(out var element) && element.TryGetInt64(out _));
        return isInteger ? number.ToString("R", CultureInfo.InvariantCulture) : FloatText(number);
    }

    public static string FloatText(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') || text.Contains("Infinity", StringComparison.Ordinal) || text == "NaN" ? text : text + ".0";
    }

    private static string Text(string text)
    {
        var quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        foreach (var ch in text)
        {
            builder.Append(ch switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when ch == quote => "\\" + ch,
                _ => ch.ToString(),
            });
        }

        return builder.Append(quote).ToString();
    }
}
