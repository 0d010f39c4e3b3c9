using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Monitoring.Tests.Alerts;

/// <summary>
/// The alert rules as the on-call engineer meets them: accepted by the real promtool, each proven by a promtool unit
/// test that fires with its labels and annotations and one that stays quiet, each with its severity, a description
/// carrying the current value, and a runbook that exists.
/// </summary>
public sealed class AlertRuleTests
{
    private static readonly string[] RunbookSections = ["## What it means", "## First five minutes", "## Likely causes", "## How to fix", "## When to escalate"];

    public static TheoryData<string> RuleFiles() => [.. Repository.RuleFiles.Select(Repository.Relative)];

    public static TheoryData<string> AlertNames() => [.. RuleFile.All.SelectMany(f => f.Alerts).Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public async Task Promtool_check_rules_accepts_the_file(string file)
    {
        var promtool = ExternalTool.Require(ExternalTool.Promtool);

        var result = await ProcessRunner.RunAsync(promtool, ["check", "rules", Path.Join(Repository.Root, file)]);

        Assert.True(result.ExitCode == 0, $"promtool check rules {file}:\n{result.StandardOutput}{result.StandardError}");
        Assert.Contains("SUCCESS", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promtool_unit_tests_of_every_rule_file_pass()
    {
        var promtool = ExternalTool.Require(ExternalTool.Promtool);
        var files = Repository.RuleTestFiles;

        var result = await ProcessRunner.RunAsync(promtool, ["test", "rules", .. files], timeout: TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, $"promtool test rules:\n{result.StandardOutput}{result.StandardError}");
        Assert.Equal(files.Length, result.StandardOutput.Split("SUCCESS").Length - 1);
    }

    [Fact]
    public void Every_rule_file_is_loaded_by_a_unit_test_file()
    {
        var tested = RuleTestFile.All.SelectMany(t => t.RuleFiles).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(Repository.RuleFiles);
        Assert.All(Repository.RuleFiles, file => Assert.Contains(file, tested));
    }

    [Fact]
    public void Alert_names_are_unique_and_each_rule_file_has_alerts()
    {
        var names = RuleFile.All.SelectMany(f => f.Alerts).Select(a => a.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(RuleFile.All, file => Assert.NotEmpty(file.Alerts));
    }

    [Theory]
    [MemberData(nameof(AlertNames))]
    public void The_alert_has_a_severity_a_summary_a_description_with_its_value_and_its_runbook_url(string name)
    {
        var alert = Alert(name);

        Assert.Contains(alert.Labels.GetValueOrDefault("severity"), new[] { "critical", "warning" });
        Assert.False(string.IsNullOrWhiteSpace(alert.Annotations.GetValueOrDefault("summary")), "no summary");
        Assert.Contains("$value", alert.Annotations.GetValueOrDefault("description") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal($"{Repository.RunbookBaseUrl}{name}.md", alert.Annotations.GetValueOrDefault("runbook_url"));
    }

    [Theory]
    [MemberData(nameof(AlertNames))]
    public void A_unit_test_fires_the_alert_with_its_labels_and_annotations_and_another_keeps_it_quiet(string name)
    {
        var alert = Alert(name);
        var cases = RuleTestFile.All.Where(t => t.RuleFiles.Contains(alert.File)).SelectMany(t => t.Cases).Where(c => c.Alert == name).ToList();

        var firing = cases.Where(c => c.Fires).ToList();
        Assert.True(firing.Count > 0, $"no promtool test case where {name} fires");
        Assert.All(firing.SelectMany(c => c.Expected), expected =>
        {
            Assert.Equal(alert.Labels["severity"], expected.Labels.GetValueOrDefault("severity"));
            Assert.Equal(alert.Annotations.Keys.Order(), expected.Annotations.Keys.Order());
            Assert.Equal(alert.Annotations["runbook_url"], expected.Annotations["runbook_url"]);
            Assert.DoesNotContain("{{", expected.Annotations["description"], StringComparison.Ordinal);
        });
        Assert.True(cases.Any(c => !c.Fires), $"no promtool test case where {name} stays quiet");
    }

    [Theory]
    [MemberData(nameof(AlertNames))]
    public void The_runbook_exists_with_its_title_and_the_five_sections_in_order(string name)
    {
        var path = Path.Join(Repository.Root, "docs", "runbooks", $"{name}.md");
        Assert.True(File.Exists(path), $"{Repository.Relative(path)} is missing");
        var text = File.ReadAllText(path);

        Assert.StartsWith($"# {name}\n", text, StringComparison.Ordinal);
        Assert.Contains(Alert(name).Labels["severity"], text.Split('\n').First(l => l.StartsWith("**Severity:**", StringComparison.Ordinal)), StringComparison.Ordinal);
        var positions = RunbookSections.Select(section => text.IndexOf($"\n{section}\n", StringComparison.Ordinal)).ToList();
        Assert.All(positions.Zip(RunbookSections), p => Assert.True(p.First > 0, $"section '{p.Second}' missing"));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Every_runbook_belongs_to_an_alert()
    {
        var alerts = RuleFile.All.SelectMany(f => f.Alerts).Select(a => $"{a.Name}.md").ToHashSet(StringComparer.Ordinal);

        Assert.All(Repository.Runbooks.Select(p => Path.GetFileName(p)), runbook => Assert.Contains(runbook, alerts));
    }

    private static AlertRule Alert(string name) => RuleFile.All.SelectMany(f => f.Alerts).Single(a => a.Name == name);
}
