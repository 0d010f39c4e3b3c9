using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Integration;

/// <summary><c>promtool check metrics</c> on a real scrape: Prometheus' own linter for exposition and naming.</summary>
public sealed class PromtoolCheckMetricsTests
{
    [Fact]
    public async Task Reports_nothing_but_node_exporters_own_camel_case_memory_names()
    {
        var promtool = ExternalTool.Require(ExternalTool.Promtool);
        await using var collector = await CollectorProcess.StartAsync();
        var scrape = await collector.ScrapeTextAsync();

        var result = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], standardInput: scrape);

        var findings = (result.StandardOutput + result.StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unexpected = findings
            .Where(f => !System.Text.RegularExpressions.Regex.IsMatch(f, @"^node_memory_\w+ metric names should be written in 'snake_case' not 'camelCase'$"))
            .ToList();
        Assert.True(unexpected.Count == 0, "promtool check metrics found:\n" + string.Join('\n', unexpected));
        Assert.Contains(findings, f => f.StartsWith("node_memory_MemTotal_bytes", StringComparison.Ordinal));
    }
}
