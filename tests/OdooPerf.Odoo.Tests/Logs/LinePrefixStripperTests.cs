using System.Text;
using OdooPerf.Odoo.Logs;
using Xunit;

namespace OdooPerf.Odoo.Tests.Logs;

public sealed class LinePrefixStripperTests
{
    [Theory]
    [InlineData("Mar 05 10:21:33 erp1 odoo[123]: X", "X", "erp1 odoo[123]:")]
    [InlineData("Mar  5 10:21:33 erp1 odoo[123]: X", "X", "erp1 odoo[123]:")]
    [InlineData("Dec 31 23:59:59.999999 erp1 odoo: X", "X", "erp1 odoo:")]
    [InlineData("Mar  5 10:21:33 erp1 Odoo Server 17.0:?:INFO:odoo:X", "Odoo Server 17.0:?:INFO:odoo:X", "")]
    [InlineData("2024-03-05T10:21:33+0100 erp1 odoo[123]: X", "X", "erp1 odoo[123]:")]
    [InlineData("2024-03-05T10:21:33.123456+01:00 erp1 odoo[123]: X", "X", "erp1 odoo[123]:")]
    public void Syslog_and_journald(string line, string body, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var prefix = LinePrefixStripper.Find(bytes);

        Assert.Equal(LinePrefixKind.Syslog, prefix.Kind);
        Assert.Equal(body, Encoding.UTF8.GetString(bytes.AsSpan(prefix.Length)));
        Assert.Equal(source, Encoding.UTF8.GetString(prefix.Source.Of(bytes)));
    }

    [Theory]
    [InlineData("2024-03-05T10:21:33.123456789Z X", "X", 123)]
    [InlineData("2024-03-05T10:21:33Z X", "X", 0)]
    [InlineData("2024-03-05T10:21:33.1Z   File", "  File", 100)]
    [InlineData("2024-03-05T10:21:33.123456789+00:00 stderr F X", "X", 123)]
    [InlineData("2024-03-05T10:21:33.123456789Z stdout P X", "X", 123)]
    public void Containers(string line, string body, int millisecond)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var prefix = LinePrefixStripper.Find(bytes);

        Assert.Equal(LinePrefixKind.Container, prefix.Kind);
        Assert.Equal(body, Encoding.UTF8.GetString(bytes.AsSpan(prefix.Length)));
        Assert.Equal(new LinePrefixTime(2024, 3, 5, 10, 21, 33, millisecond), prefix.Time);
    }

    [Theory]
    [InlineData("2024-03-05 10:21:33,123 1 INFO ? odoo: x ")]
    [InlineData("Traceback (most recent call last):")]
    [InlineData("Mar 5 10:21:33 erp1 odoo: x")]
    [InlineData("Foo 05 10:21:33 erp1 odoo: x")]
    [InlineData("2024-03-05T10:21:33")]
    [InlineData("2024-03-05T10:21:33+01 x")]
    public void No_prefix(string line) => Assert.Equal(0, LinePrefixStripper.Find(Encoding.UTF8.GetBytes(line)).Length);
}
