using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OdooPerf.Monitoring.Tests.Dashboards;

public sealed record PanelQuery(string Dashboard, int PanelId, string Panel, string RefId, string Expression);

/// <summary>A Grafana dashboard JSON file: its panels (rows' nested panels included), their queries and its variables.</summary>
public sealed partial class Dashboard
{
    /// <summary>Grafana's own interval variables, given the values a 1-minute panel over the last hour would get.</summary>
    private static readonly Dictionary<string, string> BuiltIns = new(StringComparer.Ordinal)
    {
        ["__rate_interval"] = "1m",
        ["__interval"] = "15s",
        ["__range"] = "1h",
        ["__range_s"] = "3600",
        ["__interval_ms"] = "15000",
    };

    private Dashboard(string path, JsonObject json)
    {
        Path = path;
        Json = json;
        Panels = Flatten(json["panels"]?.AsArray() ?? []).ToList();
        Variables = (json["templating"]?["list"]?.AsArray() ?? []).OfType<JsonObject>().ToList();
    }

    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public JsonObject Json { get; }

    public string? Uid => Json["uid"]?.GetValue<string>();

    public IReadOnlyList<JsonObject> Panels { get; }

    public IReadOnlyList<JsonObject> Variables { get; }

    public IEnumerable<string> VariableNames => Variables.Select(v => v["name"]!.GetValue<string>());

    /// <summary>Every panel target's PromQL, as written (variables not substituted).</summary>
    public IEnumerable<PanelQuery> Queries =>
        from panel in Panels
        from target in (panel["targets"]?.AsArray() ?? []).OfType<JsonObject>()
        where target["expr"] is not null
        select new PanelQuery(Name, panel["id"]!.GetValue<int>(), panel["title"]?.GetValue<string>() ?? string.Empty,
            target["refId"]?.GetValue<string>() ?? string.Empty, target["expr"]!.GetValue<string>());

    /// <summary>The metric selectors of the query variables (<c>label_values(SELECTOR, label)</c>).</summary>
    public IEnumerable<string> VariableSelectors =>
        from variable in Variables
        where variable["type"]?.GetValue<string>() == "query"
        let query = variable["query"] is JsonObject q ? q["query"]?.GetValue<string>() : variable["query"]?.GetValue<string>()
        let match = LabelValues().Match(query ?? string.Empty)
        where match.Success && match.Groups[1].Success
        select match.Groups[1].Value;

    public static Dashboard Load(string path) =>
        new(path, JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path} is not a JSON object"));

    public static IReadOnlyList<Dashboard> All { get; } = Repository.Dashboards.Select(Load).ToList();

    /// <summary>
    /// The expression with its variables replaced as Grafana would: the dashboard's own variables by <c>.*</c> (their
    /// "All" value), Grafana's interval variables by sample durations. Throws on a variable the dashboard does not define.
    /// </summary>
    public string Substitute(string expression) => Variable().Replace(expression, match =>
    {
        var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["bare"].Value;
        if (BuiltIns.TryGetValue(name, out var value))
        {
            return value;
        }

        return VariableNames.Contains(name, StringComparer.Ordinal)
            ? ".*"
            : throw new InvalidDataException($"{Name}: '{match.Value}' is not a variable of the dashboard");
    });

    private static IEnumerable<JsonObject> Flatten(JsonArray panels)
    {
        foreach (var panel in panels.OfType<JsonObject>())
        {
            yield return panel;
            foreach (var nested in Flatten(panel["panels"]?.AsArray() ?? []))
            {
                yield return nested;
            }
        }
    }

    [GeneratedRegex(@"\$\{(?<braced>\w+)(:\w+)?\}|\$(?<bare>\w+)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^\s*label_values\(\s*(.+?)\s*,\s*\w+\s*\)\s*$", RegexOptions.Singleline)]
    private static partial Regex LabelValues();
}
