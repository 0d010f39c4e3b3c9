using OdooPerf.Collector.Host;
using Xunit;

namespace OdooPerf.Collector.Tests.Host;

public sealed class DiskstatsSourceTests
{
    private static List<DiskCounters> ParseServer() => DiskstatsSource.Parse(ProcFixture.Read(ProcFixture.Server, "diskstats"));

    [Fact]
    public void Server_keeps_whole_disks_device_mapper_md_and_optical_and_drops_partitions_loop_and_zram()
    {
        Assert.Equal(new[] { "nvme0n1", "nvme1n1", "sda", "sr0", "dm-0", "md127" }, ParseServer().Select(d => d.Device));
    }

    [Theory]
    [InlineData("sda1", true)]
    [InlineData("sdz15", true)]
    [InlineData("vda1", true)]
    [InlineData("xvda2", true)]
    [InlineData("hdb3", true)]
    [InlineData("nvme0n1p1", true)]
    [InlineData("nvme12n3p14", true)]
    [InlineData("loop0", true)]
    [InlineData("loop17", true)]
    [InlineData("ram0", true)]
    [InlineData("zram0", true)]
    [InlineData("fd0", true)]
    [InlineData("sda", false)]
    [InlineData("vda", false)]
    [InlineData("xvda", false)]
    [InlineData("nvme0n1", false)]
    [InlineData("nvme12n3", false)]
    [InlineData("dm-0", false)]
    [InlineData("md127", false)]
    [InlineData("sr0", false)]
    [InlineData("mmcblk0", false)]
    [InlineData("rbd0", false)]
    public void Exclusions_are_node_exporters_defaults(string device, bool excluded)
    {
        Assert.Equal(excluded, DiskstatsSource.IsExcluded(device));
    }

    [Fact]
    public void Server_17_column_line_has_flush_counters()
    {
        var nvme = ParseServer().Single(d => d.Device == "nvme0n1");

        Assert.Equal(17, nvme.Values.Length);
        Assert.Equal(918273645, nvme.Values[0]);     // reads completed
        Assert.Equal(73461891234, nvme.Values[2]);   // sectors read, beyond 32 bits
        Assert.Equal(2345678, nvme.Values[15]);      // flush requests
        Assert.Equal(345678, nvme.Values[16]);       // flush milliseconds
    }

    [Fact]
    public void Server_15_column_line_has_discards_and_11_column_line_has_none()
    {
        var disks = ParseServer();
        var sda = disks.Single(d => d.Device == "sda");
        var md = disks.Single(d => d.Device == "md127");

        Assert.Equal(15, sda.Values.Length);
        Assert.Equal(new double[] { 4242, 7, 2147483648, 9876 }, sda.Values[11..15]);
        Assert.Equal(11, md.Values.Length);
    }

    [Fact]
    public async Task Server_sectors_become_bytes_and_milliseconds_seconds_under_node_exporter_names()
    {
        var scraped = await ScrapedText.RefreshAsync((factory, guard) => new DiskstatsSource(ProcFixture.ProcFs(ProcFixture.Server), factory, guard));

        Assert.Equal(73461891234 * 512.0, scraped.Value("node_disk_read_bytes_total{device=\"nvme0n1\"}"));
        Assert.Equal(45678912345 * 512.0, scraped.Value("node_disk_written_bytes_total{device=\"nvme0n1\"}"));
        Assert.Equal(123456.789, scraped.Value("node_disk_read_time_seconds_total{device=\"nvme0n1\"}"));
        Assert.Equal(3, scraped.Value("node_disk_io_now{device=\"nvme0n1\"}"));
        Assert.Equal(2345678, scraped.Value("node_disk_flush_requests_total{device=\"nvme0n1\"}"));
        Assert.Equal(2147483648, scraped.Value("node_disk_discarded_sectors_total{device=\"sda\"}"));
        Assert.Equal(9.876, scraped.Value("node_disk_discard_time_seconds_total{device=\"sda\"}"));

        // Columns a kernel does not print are not published as zeros.
        Assert.Null(scraped.Value("node_disk_flush_requests_total{device=\"sda\"}"));
        Assert.Null(scraped.Value("node_disk_discards_completed_total{device=\"md127\"}"));
        Assert.Equal(855554555, scraped.Value("node_disk_writes_completed_total{device=\"md127\"}"));

        Assert.Null(scraped.Value("node_disk_reads_completed_total{device=\"sda1\"}"));
        Assert.Null(scraped.Value("node_disk_reads_completed_total{device=\"loop0\"}"));
    }

    [Fact]
    public void Real_machine_every_line_is_either_kept_with_its_columns_or_excluded()
    {
        var text = ProcFixture.Read(ProcFixture.RealMachine, "diskstats");
        var lines = ProcFixture.Lines(text).Select(ProcFixture.Fields).ToList();

        var disks = DiskstatsSource.Parse(text);

        var kept = lines.Where(f => !DiskstatsSource.IsExcluded(f[2])).ToList();
        Assert.Equal(kept.Select(f => f[2]), disks.Select(d => d.Device));
        for (var i = 0; i < kept.Count; i++)
        {
            Assert.Equal(kept[i][3..].Select(f => (double)ProcFixture.UInt64(f)), disks[i].Values);
        }

        Assert.DoesNotContain(disks, d => d.Device.StartsWith("loop", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_of_old_partition_format_are_skipped()
    {
        // Linux 2.6 printed only four statistics for partitions.
        var disks = DiskstatsSource.Parse("   8    1 sdb1 4 8 12 16\n   8    0 sdb 1 2 3 4 5 6 7 8 9 10 11\n");

        Assert.Equal("sdb", Assert.Single(disks).Device);
    }
}
