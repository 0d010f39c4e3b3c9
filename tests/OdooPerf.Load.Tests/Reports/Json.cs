using System.Text.Json;

namespace OdooPerf.Load.Tests.Reports;

/// <summary>Lists the fields of a JSON document by path (<c>scenarios[].steps[].name</c>), keys of count maps as <c>{}</c>.</summary>
internal static class Json
{
    /// <summary>Objects whose keys are data (status codes, reasons, scenario names), not field names.</summary>
    private static readonly string[] Maps = ["statusCodes", "failuresByReason", "otherFailureMessages", "users", "dropped", "scenarios"];

    public static Dictionary<string, string> Fields(JsonElement root)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, "", found, isMap: false);
        return found;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string> found, bool isMap)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (path.Length > 0 && !path.EndsWith("[]", StringComparison.Ordinal))
                    Add(found, path, "object");
                foreach (var property in element.EnumerateObject())
                {
                    var name = isMap ? "{}" : property.Name;
                    var childIsMap = !isMap && Maps.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.Object;
                    Walk(property.Value, path.Length == 0 ? name : $"{path}.{name}", found, childIsMap);
                }

                break;
            case JsonValueKind.Array:
                Add(found, path, "array");
                foreach (var item in element.EnumerateArray())
                    Walk(item, path + "[]", found, isMap: false);
                break;
            case JsonValueKind.String:
                Add(found, path, "string");
                break;
            case JsonValueKind.Number:
                Add(found, path, "number");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Add(found, path, "bool");
                break;
            default:
                Add(found, path, "null");
                break;
        }
    }

    private static void Add(Dictionary<string, string> found, string path, string kind)
    {
        // A field null in one item and a number in another keeps the non-null kind.
        if (!found.TryGetValue(path, out var seen) || seen == "null")
            found[path] = kind;
    }
}
