using OdooPerf.Odoo.Logs;
using Xunit;

namespace OdooPerf.Odoo.Tests.Logs;

public sealed class AsciiNumberTests
{
    [Theory]
    [InlineData("0.031", 0.031)]
    [InlineData("50.012", 50.012)]
    [InlineData("999.999", 999.999)]
    [InlineData("1234.567", 1234.567)]
    [InlineData("-0.001", -0.001)]
    [InlineData("0.2531", 0.2531)]
    [InlineData("12", 12.0)]
    [InlineData("120.10", 120.1)]
    public void Decimal_as_odoo_prints_it(string text, double expected)
    {
        Assert.True(AsciiNumber.TryParseDecimal(System.Text.Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1.2.3")]
    [InlineData("0.0x1")]
    [InlineData("a.123")]
    [InlineData("1234567890123456789")]
    public void Not_a_decimal(string text) =>
        Assert.False(AsciiNumber.TryParseDecimal(System.Text.Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("4242", 4242)]
    [InlineData("999999999", 999999999)]
    public void Int(string text, int expected)
    {
        Assert.True(AsciiNumber.TryParseInt(System.Text.Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1234567890")]
    [InlineData("12a")]
    public void Not_an_int(string text) => Assert.False(AsciiNumber.TryParseInt(System.Text.Encoding.ASCII.GetBytes(text), out _));
}
