using System.Text.Json.Nodes;
using Xunit;

namespace OdooPerf.Monitoring.Tests.Dashboards;

/// <summary>
/// The dashboards as Grafana imports them, through the UI or file provisioning: valid JSON, a unique uid, the data
/// source chosen through a variable and never a hard-coded uid, and queries that only use variables that exist.
/// (That the queries are valid PromQL over exported metrics is proven against a real Prometheus in EndToEnd.)
/// </summary>
public sealed class DashboardTests
{
    public static TheoryData<string> Files() => [.. Repository.Dashboards.Select(p => Path.GetFileName(p))];

    [Fact]
    public void The_five_dashboards_exist_with_unique_uids()
    {
        var uids = Dashboard.All.Select(d => d.Uid).ToList();

        Assert.Equal(
            new[] { "odooperf-go-live", "odooperf-host", "odooperf-load-test", "odooperf-odoo", "odooperf-postgresql" },
            uids.Order());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_data_source_is_a_variable_and_no_uid_is_hard_coded(string file)
    {
        var dashboard = Load(file);
        var variable = Assert.Single(dashboard.Variables, v => v["type"]?.GetValue<string>() == "datasource");
        Assert.Equal("datasource", variable["name"]!.GetValue<string>());
        Assert.Equal("prometheus", variable["query"]!.GetValue<string>());

        var references = DataSourceReferences(dashboard.Json).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            // Grafana's built-in annotation source is the only other one allowed.
            var type = reference["type"]?.GetValue<string>();
            Assert.Equal(type == "grafana" ? "-- Grafana --" : "${datasource}", reference["uid"]?.GetValue<string>());
        });
        Assert.Null(dashboard.Json["__inputs"]);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Panels_have_unique_ids_a_title_and_queries_that_use_defined_variables(string file)
    {
        var dashboard = Load(file);
        Assert.False(string.IsNullOrWhiteSpace(dashboard.Json["title"]?.GetValue<string>()));
        Assert.True(dashboard.Json["schemaVersion"]!.GetValue<int>() >= 36, "schemaVersion older than Grafana 9");
        Assert.Null(dashboard.Json["id"]?.GetValue<int?>());

        var ids = dashboard.Panels.Select(p => p["id"]!.GetValue<int>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(dashboard.Panels, panel => Assert.False(string.IsNullOrWhiteSpace(panel["title"]?.GetValue<string>()), $"panel {panel["id"]} has no title"));

        var queried = dashboard.Panels.Where(p => p["type"]?.GetValue<string>() is not ("row" or "text")).ToList();
        Assert.All(queried, panel => Assert.Contains((panel["targets"]?.AsArray() ?? []).OfType<JsonObject>(), t => t["expr"] is not null));
        Assert.All(dashboard.Queries, query => dashboard.Substitute(query.Expression));
        Assert.All(dashboard.VariableSelectors, selector => dashboard.Substitute(selector));
    }

    [Fact]
    public void The_provisioning_provider_points_grafana_at_a_directory_and_the_readme_explains_it()
    {
        var provider = Yaml.LoadMapping(Path.Join(Repository.Root, "dashboards", "provisioning", "odooperf-dashboards.yml"));
        Assert.Equal("1", Yaml.Text(provider, "apiVersion"));
        var first = Assert.IsType<YamlDotNet.RepresentationModel.YamlMappingNode>(Yaml.Sequence(provider, "providers").First());
        Assert.Equal("file", Yaml.Text(first, "type"));
        var path = Yaml.Map(first, "options")["path"];
        Assert.StartsWith("/", path, StringComparison.Ordinal);

        var readme = File.ReadAllText(Path.Join(Repository.Root, "README.md"));
        Assert.Contains("dashboards/provisioning/odooperf-dashboards.yml", readme, StringComparison.Ordinal);
        Assert.Contains(path, readme, StringComparison.Ordinal);
    }

    private static Dashboard Load(string file) => Dashboard.All.Single(d => d.Name == file);

    private static IEnumerable<JsonObject> DataSourceReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "datasource" && value is JsonObject reference)
                    {
                        yield return reference;
                    }
                    else if (key == "datasource" && value is JsonValue)
                    {
                        // A bare name or uid string: the old, hard-coded form.
                        yield return new JsonObject { ["uid"] = value.ToJsonString() };
                    }

                    foreach (var inner in DataSourceReferences(value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in DataSourceReferences(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
