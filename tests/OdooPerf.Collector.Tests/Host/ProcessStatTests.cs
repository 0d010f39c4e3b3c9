using OdooPerf.Collector.Host;
using Xunit;

namespace OdooPerf.Collector.Tests.Host;

public sealed class ProcessStatTests
{
    [Fact]
    public void Server_worker_with_spaces_and_parentheses_in_its_name_parses()
    {
        var stat = ProcessStat.Parse(ProcFixture.Read(ProcFixture.Server, "4242/stat"));

        Assert.NotNull(stat);
        Assert.Equal(4200, stat.Value.ParentPid);
        Assert.Equal(98765UL, stat.Value.UserTicks);
        Assert.Equal(4321UL, stat.Value.SystemTicks);
        Assert.Equal(5123456UL, stat.Value.StartTicks);
        Assert.Equal(1073741824UL, stat.Value.VirtualBytes);
        Assert.Equal(262144UL, stat.Value.ResidentPages);
    }

    [Fact]
    public void Real_process_fields_match_their_positions_in_proc_5()
    {
        var text = ProcFixture.Read(ProcFixture.RealMachine, "self/stat");
        // proc(5) numbers fields from 1; the command name (2) is the last one to end in ')'.
        var after = ProcFixture.Fields(text[(text.LastIndexOf(')') + 1)..]);
        ulong Field(int number) => ProcFixture.UInt64(after[number - 3]);

        var stat = ProcessStat.Parse(text);

        Assert.NotNull(stat);
        Assert.Equal((int)Field(4), stat.Value.ParentPid);
        Assert.Equal(Field(14), stat.Value.UserTicks);
        Assert.Equal(Field(15), stat.Value.SystemTicks);
        Assert.Equal(Field(22), stat.Value.StartTicks);
        Assert.Equal(Field(23), stat.Value.VirtualBytes);
        Assert.Equal(Field(24), stat.Value.ResidentPages);
        Assert.True(stat.Value.ResidentPages > 0);
    }

    [Fact]
    public void A_name_that_imitates_the_fields_after_it_does_not_shift_them()
    {
        // A process may name itself anything, including ") R 1 (".
        const string Text = "77 (evil) R 1 () S 55 77 77 0 -1 4194304 10 0 0 0 5 6 0 0 20 0 1 0 900 4096 3 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";

        var stat = ProcessStat.Parse(Text);

        Assert.NotNull(stat);
        Assert.Equal(55, stat.Value.ParentPid);
        Assert.Equal(5UL, stat.Value.UserTicks);
        Assert.Equal(3UL, stat.Value.ResidentPages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a stat line")]
    [InlineData("4242 (odoo) S 4200 4200 4200 0 -1")]
    public void Text_that_is_not_a_whole_stat_line_is_null(string text)
    {
        Assert.Null(ProcessStat.Parse(text));
    }
}
