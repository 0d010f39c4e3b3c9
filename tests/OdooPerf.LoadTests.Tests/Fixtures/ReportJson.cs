using System.Text.Json;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Fixtures;

/// <summary>A report.json read as plain JSON: the tests check the documented contract, not the C# types behind it.</summary>
public sealed class ReportJson
{
    private ReportJson(JsonElement root, string text)
    {
        Root = root;
        Text = text;
    }

    public JsonElement Root { get; }

    public string Text { get; }

    public static ReportJson Read(string directory)
    {
        var path = Path.Join(directory, "report.json");
        Assert.True(File.Exists(path), $"{path} was not written");
        var text = File.ReadAllText(path);
        using var document = JsonDocument.Parse(text);
        return new ReportJson(document.RootElement.Clone(), text);
    }

    /// <summary>The element at a dotted path, e.g. <c>totals.latencyMs.p95</c>; fails the test when missing.</summary>
    public JsonElement Get(string path)
    {
        var element = Root;
        foreach (var name in path.Split('.'))
        {
            Assert.True(element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out element), $"report.json has no '{path}'");
        }

        return element;
    }

    public long Long(string path) => Get(path).GetInt64();

    public double Double(string path) => Get(path).GetDouble();

    public string? String(string path) => Get(path).GetString();

    public bool Bool(string path) => Get(path).GetBoolean();
}
