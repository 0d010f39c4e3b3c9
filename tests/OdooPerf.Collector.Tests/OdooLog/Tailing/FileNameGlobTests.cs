using OdooPerf.Collector.OdooLog.Tailing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

public sealed class FileNameGlobTests
{
    [Theory]
    [InlineData("*.log", "odoo.log", true)]
    [InlineData("*.log", "odoo.log.1", false)]
    [InlineData("*.log", "odoo.log-20250101", false)]
    [InlineData("*.log", ".odoo.log", false)]
    [InlineData(".*.log", ".odoo.log", true)]
    [InlineData("odoo-?.log", "odoo-1.log", true)]
    [InlineData("odoo-?.log", "odoo-12.log", false)]
    [InlineData("odoo*", "odoo.log.2.gz", true)]
    [InlineData("*a*b*c", "xaxxbyyc", true)]
    [InlineData("*a*b*c", "xaxxbyycd", false)]
    [InlineData("*", "anything", true)]
    [InlineData("*.LOG", "odoo.log", false)]
    public void Matches_like_a_shell(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, new FileNameGlob(pattern).IsMatch(name));
    }

    [Fact]
    public void Many_stars_against_a_long_name_stay_fast()
    {
        // A backtracking matcher would take exponential time here.
        var glob = new FileNameGlob("*a*a*a*a*a*a*a*a*b");
        var name = new string('a', 5000);

        Assert.False(glob.IsMatch(name));
    }
}
