using OdooPerf.Collector.Host;
using Xunit;

namespace OdooPerf.Collector.Tests.Host;

public sealed class NetdevSourceTests
{
    private static List<NetdevCounters> ParseServer() => NetdevSource.Parse(ProcFixture.Read(ProcFixture.Server, "net/dev"));

    [Fact]
    public void Server_reads_every_interface_and_skips_the_two_header_lines()
    {
        Assert.Equal(
            new[] { "lo", "eno1", "eno2", "bond0", "eth0.100", "br-3f2a1c9d", "veth1a2b3c4", "docker0", "wg0" },
            ParseServer().Select(d => d.Device));
    }

    [Fact]
    public void Server_wg0_huge_counters_written_against_the_colon_are_exact()
    {
        var wg0 = ParseServer().Single(d => d.Device == "wg0");

        Assert.Equal(16, wg0.Values.Length);
        Assert.Equal(1234567890123456, wg0.Values[0]);  // receive bytes
        Assert.Equal(987654321012, wg0.Values[1]);      // receive packets
        Assert.Equal(42, wg0.Values[3]);                // receive drop
        Assert.Equal(8765432109876543, wg0.Values[8]);  // transmit bytes
        Assert.Equal(876543210987, wg0.Values[9]);      // transmit packets
        Assert.Equal(7, wg0.Values[11]);                // transmit drop
    }

    [Fact]
    public void Server_columns_are_in_kernel_order()
    {
        var eno1 = ParseServer().Single(d => d.Device == "eno1");

        Assert.Equal(
            new double[] { 8123456789012, 6543210987, 3, 1234, 0, 2, 0, 4567890, 9234567890123, 7654321098, 0, 5, 0, 0, 0, 0 },
            eno1.Values);
    }

    [Fact]
    public void A_name_followed_by_a_counter_without_space_is_split_at_the_colon()
    {
        var devices = NetdevSource.Parse("  eth0:123 4 0 0 0 0 0 0 567 8 0 0 0 0 0 0\n");

        var eth0 = Assert.Single(devices);
        Assert.Equal("eth0", eth0.Device);
        Assert.Equal(123, eth0.Values[0]);
        Assert.Equal(567, eth0.Values[8]);
    }

    [Fact]
    public async Task Server_counters_are_published_under_node_exporter_names()
    {
        var scraped = await ScrapedText.RefreshAsync((factory, guard) => new NetdevSource(ProcFixture.ProcFs(ProcFixture.Server), factory, guard));

        Assert.Equal(1234567890123456, scraped.Value("node_network_receive_bytes_total{device=\"wg0\"}"));
        Assert.Equal(8765432109876543, scraped.Value("node_network_transmit_bytes_total{device=\"wg0\"}"));
        Assert.Equal(1234, scraped.Value("node_network_receive_drop_total{device=\"eno1\"}"));
        Assert.Equal(4567890, scraped.Value("node_network_receive_multicast_total{device=\"eno1\"}"));
        Assert.Equal(345678901, scraped.Value("node_network_receive_bytes_total{device=\"br-3f2a1c9d\"}"));
        Assert.Equal(765432109876, scraped.Value("node_network_receive_bytes_total{device=\"eth0.100\"}"));
    }

    [Fact]
    public void Real_machine_interfaces_are_the_lines_after_the_headers_with_their_columns()
    {
        var text = ProcFixture.Read(ProcFixture.RealMachine, "net/dev");
        var lines = ProcFixture.Lines(text).Skip(2).ToList();

        var devices = NetdevSource.Parse(text);

        Assert.Equal(lines.Count, devices.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            Assert.Equal(lines[i][..colon].Trim(), devices[i].Device);
            Assert.Equal(ProcFixture.Fields(lines[i][(colon + 1)..]).Select(f => (double)ProcFixture.UInt64(f)), devices[i].Values);
        }
    }

    [Fact]
    public void Lines_with_too_few_counters_are_skipped()
    {
        Assert.Empty(NetdevSource.Parse("  eth0: 1 2 3\n"));
    }
}
