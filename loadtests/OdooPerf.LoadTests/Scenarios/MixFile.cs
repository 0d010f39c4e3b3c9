using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// A mix file (<c>--mix FILE</c>, written by <c>derive</c> or by hand), JSON:
/// <code>
/// {
///   "scenarios": { "browse": 40, "quote-to-cash": 25, "crm": 0 },
///   "thinkTime": "2s-8s",
///   "derivedFrom": { ... }
/// }
/// </code>
/// <c>scenarios</c> maps scenario names to weights (numbers of 0 or more, at least one above 0; a scenario left out
/// has weight 0); <c>thinkTime</c> is optional (<c>--think-time</c> wins over it); <c>derivedFrom</c> is what
/// <c>derive</c> observed, for the reader, and ignored here.
/// </summary>
internal static class MixFile
{
    /// <exception cref="MixFileException">The file is unreadable or not a valid mix; the message is one line.</exception>
    public static ScenarioMix Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new MixFileException($"cannot read mix file '{path}': {e.Message}");
        }

        return Parse(text, path);
    }

    public static ScenarioMix Parse(string text, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new MixFileException($"mix file '{source}' is not valid JSON: {e.Message}");
        }

        if (root is not JsonObject obj || obj["scenarios"] is not JsonObject scenarios)
        {
            throw new MixFileException($"mix file '{source}' has no \"scenarios\" object (e.g. {{\"scenarios\": {{\"browse\": 60, \"quote-to-cash\": 40}}}})");
        }

        var entries = new List<(OdooScenario, double)>();
        foreach (var (name, value) in scenarios)
        {
            var scenario = ScenarioCatalog.Find(name)
                ?? throw new MixFileException($"mix file '{source}': unknown scenario '{name}' (known: {string.Join(", ", ScenarioCatalog.All.Select(s => s.Scenario.Name))})");
            if (value is not JsonValue number || !number.TryGetValue<double>(out var weight) || !double.IsFinite(weight) || weight < 0)
            {
                throw new MixFileException($"mix file '{source}': the weight of '{name}' must be a number of 0 or more");
            }

            entries.Add((scenario, weight));
        }

        if (!entries.Any(e => e.Item2 > 0))
        {
            throw new MixFileException($"mix file '{source}': every weight is 0, nothing to run");
        }

        ThinkTime? think = null;
        if (obj["thinkTime"] is { } thinkNode)
        {
            if (thinkNode is not JsonValue thinkValue || !thinkValue.TryGetValue<string>(out var thinkText) || !ThinkTime.TryParse(thinkText, out var parsed))
            {
                throw new MixFileException($"mix file '{source}': \"thinkTime\" must be a string such as \"1s-5s\" or \"3s\"");
            }

            think = parsed;
        }

        return new ScenarioMix(entries, think);
    }

    /// <summary>Writes a mix file (what <c>derive</c> found goes in <paramref name="derivedFrom"/>).</summary>
    public static string Format(IEnumerable<(string Scenario, double Weight)> weights, ThinkTime? thinkTime, JsonObject? derivedFrom)
    {
        var scenarios = new JsonObject();
        foreach (var (scenario, weight) in weights)
        {
            scenarios[scenario] = Math.Round(weight, 2);
        }

        var root = new JsonObject { ["scenarios"] = scenarios };
        if (thinkTime is not null)
        {
            root["thinkTime"] = thinkTime.ToString();
        }

        if (derivedFrom is not null)
        {
            root["derivedFrom"] = derivedFrom;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
