using OdooPerf.Collector.Host;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Host;

public sealed class VmstatSourceTests
{
    [Fact]
    public void Only_node_exporters_default_fields_are_kept_in_file_order()
    {
        var fields = VmstatSource.Parse(ProcFixture.Read(ProcFixture.Server, "vmstat"));

        Assert.Equal(
            new (string, double)[]
            {
                ("pgpgin", 123456789012), ("pgpgout", 234567890123), ("pswpin", 424242), ("pswpout", 848484),
                ("pgfault", 5555555555555), ("pgmajfault", 777777), ("oom_kill", 3),
            },
            fields);
    }

    [Fact]
    public async Task Server_fields_are_published_as_node_vmstat_gauges()
    {
        var scraped = await ScrapedText.RefreshAsync((factory, guard) => new VmstatSource(ProcFixture.ProcFs(ProcFixture.Server), factory, guard));
        var text = PrometheusText.Parse(scraped.Text);

        Assert.Equal(848484, scraped.Value("node_vmstat_pswpout"));
        Assert.Equal(3, scraped.Value("node_vmstat_oom_kill"));
        Assert.Equal("gauge", text.Types["node_vmstat_pgmajfault"]);
        Assert.Equal(7, text.Types.Keys.Count(name => name.StartsWith("node_vmstat_", StringComparison.Ordinal)));
        Assert.DoesNotContain("node_vmstat_thp_fault_alloc", text.Types.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nr_free_pages 12\nnuma_hit 3\n")]
    [InlineData("pswpin n/a\n")]
    public void Text_without_a_published_field_is_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => VmstatSource.Parse(text));
    }
}
