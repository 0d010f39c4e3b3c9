using OdooPerf.Collector.OdooLog.Tailing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

public sealed class JournalctlArgumentsTests
{
    [Theory]
    [InlineData("odoo", "odoo.service")]
    [InlineData("odoo.service", "odoo.service")]
    [InlineData("odoo-17.0", "odoo-17.0.service")]
    [InlineData("odoo@prod.service", "odoo@prod.service")]
    [InlineData("docker-abc.scope", "docker-abc.scope")]
    public void A_unit_without_a_type_is_a_service(string unit, string expected)
    {
        Assert.Equal(expected, JournalctlArguments.UnitName(unit));
    }

    [Fact]
    public void A_cursor_asks_for_every_entry_after_it()
    {
        var arguments = JournalctlArguments.Build("odoo", "/j", "s=1;i=2", since: null, fromStart: false);

        Assert.Contains("--after-cursor=s=1;i=2", arguments);
        Assert.Contains("--lines=all", arguments);
        Assert.Contains("--directory=/j", arguments);
        Assert.Equal("_SYSTEMD_UNIT=odoo.service", arguments[^1]);
        Assert.DoesNotContain(arguments, a => a.StartsWith("--since", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_cursor_the_policy_or_the_first_start_decides()
    {
        Assert.Contains("--lines=0", JournalctlArguments.Build("odoo", null, null, null, fromStart: false));
        Assert.Contains("--lines=all", JournalctlArguments.Build("odoo", null, null, null, fromStart: true));
        Assert.Contains("--since=@1700000000.000123", JournalctlArguments.Build("odoo", null, null, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddTicks(1234), fromStart: false));
        Assert.DoesNotContain(JournalctlArguments.Build("odoo", null, null, null, false), a => a.StartsWith("--directory", StringComparison.Ordinal));
    }
}
