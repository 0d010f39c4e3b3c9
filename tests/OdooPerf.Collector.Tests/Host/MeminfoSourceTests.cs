using System.Text.RegularExpressions;
using OdooPerf.Collector.Host;
using Xunit;

namespace OdooPerf.Collector.Tests.Host;

public sealed class MeminfoSourceTests
{
    private static Dictionary<string, double> ParseServer() =>
        MeminfoSource.Parse(ProcFixture.Read(ProcFixture.Server, "meminfo")).ToDictionary(f => f.MetricName, f => f.Value);

    [Theory]
    [InlineData("node_memory_MemTotal_bytes", 791102344)]
    [InlineData("node_memory_MemAvailable_bytes", 402653184)]
    [InlineData("node_memory_Active_anon_bytes", 83886080)]
    [InlineData("node_memory_Inactive_anon_bytes", 12582912)]
    [InlineData("node_memory_Active_file_bytes", 176160768)]
    [InlineData("node_memory_Inactive_file_bytes", 190840832)]
    [InlineData("node_memory_Committed_AS_bytes", 215000000)]
    [InlineData("node_memory_VmallocTotal_bytes", 34359738367)]
    [InlineData("node_memory_Hugepagesize_bytes", 2048)]
    [InlineData("node_memory_Hugetlb_bytes", 102400000)]
    [InlineData("node_memory_DirectMap4k_bytes", 1566500)]
    [InlineData("node_memory_DirectMap2M_bytes", 73299968)]
    [InlineData("node_memory_DirectMap1G_bytes", 729808896)]
    public void Server_kB_fields_are_bytes_under_node_exporter_names(string metric, long kilobytes)
    {
        Assert.Equal(kilobytes * 1024.0, ParseServer()[metric]);
    }

    [Theory]
    [InlineData("node_memory_HugePages_Total", 50000)]
    [InlineData("node_memory_HugePages_Free", 12000)]
    [InlineData("node_memory_HugePages_Rsvd", 3000)]
    [InlineData("node_memory_HugePages_Surp", 0)]
    public void Server_huge_page_counts_have_no_unit_and_no_bytes_suffix(string metric, double pages)
    {
        var fields = ParseServer();

        Assert.Equal(pages, fields[metric]);
        Assert.False(fields.ContainsKey(metric + "_bytes"));
    }

    [Fact]
    public void Server_every_line_becomes_one_valid_and_distinct_metric_name()
    {
        var text = ProcFixture.Read(ProcFixture.Server, "meminfo");

        var fields = MeminfoSource.Parse(text);

        Assert.Equal(ProcFixture.Lines(text).Length, fields.Count);
        Assert.All(fields, f => Assert.Matches("^node_memory_[A-Za-z0-9_]+$", f.MetricName));
        Assert.Equal(fields.Count, fields.Select(f => f.MetricName).Distinct().Count());
        Assert.Contains(fields, f => f.Field == "Active(anon)" && f.MetricName == "node_memory_Active_anon_bytes");
    }

    [Fact]
    public async Task Server_fields_are_published_as_gauges()
    {
        var scraped = await ScrapedText.RefreshAsync((factory, guard) => new MeminfoSource(ProcFixture.ProcFs(ProcFixture.Server), factory, guard));

        Assert.Equal(791102344 * 1024.0, scraped.Value("node_memory_MemTotal_bytes"));
        Assert.Equal(50000, scraped.Value("node_memory_HugePages_Total"));
        Assert.Contains("# TYPE node_memory_Active_anon_bytes gauge", scraped.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_machine_MemTotal_is_its_kB_figure_times_1024()
    {
        var text = ProcFixture.Read(ProcFixture.RealMachine, "meminfo");
        var kilobytes = double.Parse(Regex.Match(text, @"^MemTotal:\s+(\d+) kB$", RegexOptions.Multiline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var fields = MeminfoSource.Parse(text);

        Assert.True(kilobytes > 0);
        Assert.Equal(kilobytes * 1024, fields.Single(f => f.MetricName == "node_memory_MemTotal_bytes").Value);
    }

    [Fact]
    public void Real_machine_has_one_field_per_line_with_bytes_exactly_where_the_line_says_kB()
    {
        var text = ProcFixture.Read(ProcFixture.RealMachine, "meminfo");
        var lines = ProcFixture.Lines(text);

        var fields = MeminfoSource.Parse(text);

        Assert.Equal(lines.Length, fields.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Equal(lines[i].EndsWith(" kB", StringComparison.Ordinal), fields[i].MetricName.EndsWith("_bytes", StringComparison.Ordinal));
            Assert.Equal(lines[i][..lines[i].IndexOf(':', StringComparison.Ordinal)], fields[i].Field);
        }
    }
}
