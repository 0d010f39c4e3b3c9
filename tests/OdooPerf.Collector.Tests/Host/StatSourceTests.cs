using System.Text.RegularExpressions;
using OdooPerf.Collector.Host;
using Xunit;

namespace OdooPerf.Collector.Tests.Host;

public sealed class StatSourceTests
{
    private static ProcStat ParseServer() => StatSource.Parse(ProcFixture.Read(ProcFixture.Server, "stat"));

    [Fact]
    public void Server_has_96_cpus_numbered_in_order_and_not_the_total_line()
    {
        var stat = ParseServer();

        Assert.Equal(96, stat.Cpus.Count);
        Assert.Equal(Enumerable.Range(0, 96).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), stat.Cpus.Select(c => c.Id));
    }

    [Fact]
    public void Server_cpu95_reads_every_mode_and_the_guest_columns()
    {
        var cpu95 = ParseServer().Cpus[95];

        // cpu95 4096235 1295 903515 250752305 18285 0 42615 12345 4321 17
        Assert.Equal(new ulong[] { 4096235, 1295, 903515, 250752305, 18285, 0, 42615, 12345 }, cpu95.Ticks);
        Assert.Equal(4321UL, cpu95.GuestTicks);
        Assert.Equal(17UL, cpu95.GuestNiceTicks);
    }

    [Fact]
    public void Server_counters_beyond_32_bits_and_the_other_lines_are_read()
    {
        var stat = ParseServer();

        Assert.Equal(1767225600UL, stat.BootTime);
        Assert.Equal(48213645987UL, stat.ContextSwitches);
        Assert.Equal(98765432109UL, stat.Interrupts);
        Assert.Equal(9876543UL, stat.Forks);
        Assert.Equal(7UL, stat.ProcsRunning);
        Assert.Equal(2UL, stat.ProcsBlocked);
    }

    [Fact]
    public async Task Server_cpu_seconds_are_ticks_divided_by_user_hz_under_node_exporter_names()
    {
        Assert.Equal(100, ClockTicks.PerSecond); // USER_HZ on every mainstream Linux build

        var scraped = await ScrapedText.RefreshAsync((factory, guard) => new StatSource(ProcFixture.ProcFs(ProcFixture.Server), factory, guard));

        Assert.Equal(123.45, scraped.Value("node_cpu_seconds_total{cpu=\"95\",mode=\"steal\"}"));
        Assert.Equal(40962.35, scraped.Value("node_cpu_seconds_total{cpu=\"95\",mode=\"user\"}"));
        Assert.Equal(2507523.05, scraped.Value("node_cpu_seconds_total{cpu=\"95\",mode=\"idle\"}"));
        Assert.Equal(43.21, scraped.Value("node_cpu_guest_seconds_total{cpu=\"95\",mode=\"user\"}"));
        Assert.Equal(0.17, scraped.Value("node_cpu_guest_seconds_total{cpu=\"95\",mode=\"nice\"}"));
        Assert.Equal(1767225600, scraped.Value("node_boot_time_seconds"));
        Assert.Equal(48213645987, scraped.Value("node_context_switches_total"));
        Assert.Equal(2, scraped.Value("node_procs_blocked"));
        Assert.Null(scraped.Value("node_cpu_seconds_total{cpu=\"\",mode=\"user\"}"));
        Assert.Equal(96 * 8, Regex.Matches(scraped.Text, "^node_cpu_seconds_total\\{", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void Real_machine_cpus_are_the_cpuN_lines_with_their_columns()
    {
        var text = ProcFixture.Read(ProcFixture.RealMachine, "stat");
        var cpuLines = ProcFixture.Lines(text).Where(l => Regex.IsMatch(l, @"^cpu\d+ ")).ToList();

        var stat = StatSource.Parse(text);

        Assert.NotEmpty(cpuLines);
        Assert.Equal(cpuLines.Count, stat.Cpus.Count);
        for (var i = 0; i < cpuLines.Count; i++)
        {
            var fields = ProcFixture.Fields(cpuLines[i]);
            Assert.Equal(fields[0][3..], stat.Cpus[i].Id);
            Assert.Equal(fields[1..9].Select(ProcFixture.UInt64), stat.Cpus[i].Ticks);
            Assert.Equal(ProcFixture.UInt64(fields[9]), stat.Cpus[i].GuestTicks);
            Assert.Equal(ProcFixture.UInt64(fields[10]), stat.Cpus[i].GuestNiceTicks);
        }
    }

    [Fact]
    public void Real_machine_single_value_lines_are_read()
    {
        var text = ProcFixture.Read(ProcFixture.RealMachine, "stat");
        ulong ValueOf(string key) => ProcFixture.UInt64(ProcFixture.Fields(ProcFixture.Lines(text).Single(l => l.StartsWith(key + " ", StringComparison.Ordinal)))[1]);

        var stat = StatSource.Parse(text);

        Assert.Equal(ValueOf("btime"), stat.BootTime);
        Assert.Equal(ValueOf("ctxt"), stat.ContextSwitches);
        Assert.Equal(ValueOf("intr"), stat.Interrupts);
        Assert.Equal(ValueOf("processes"), stat.Forks);
        Assert.Equal(ValueOf("procs_running"), stat.ProcsRunning);
        Assert.Equal(ValueOf("procs_blocked"), stat.ProcsBlocked);
    }

    [Fact]
    public void Old_kernel_lines_without_steal_and_guest_columns_leave_them_at_zero()
    {
        // Linux 2.6.10 and older: user nice system idle iowait irq softirq.
        var stat = StatSource.Parse("cpu  10 20 30 40 50 60 70\ncpu0 10 20 30 40 50 60 70\n");

        var cpu0 = Assert.Single(stat.Cpus);
        Assert.Equal(new ulong[] { 10, 20, 30, 40, 50, 60, 70, 0 }, cpu0.Ticks);
        Assert.Equal(0UL, cpu0.GuestTicks);
        Assert.Null(stat.BootTime);
    }

    [Fact]
    public void Offline_cpus_are_absent_and_the_others_keep_their_numbers()
    {
        // The kernel prints only online CPUs: after "echo 0 > /sys/devices/system/cpu/cpu1/online".
        var stat = StatSource.Parse("cpu  2 0 2 2 0 0 0 0 0 0\ncpu0 1 0 1 1 0 0 0 0 0 0\ncpu2 1 0 1 1 0 0 0 0 0 0\n");

        Assert.Equal(new[] { "0", "2" }, stat.Cpus.Select(c => c.Id));
    }
}
