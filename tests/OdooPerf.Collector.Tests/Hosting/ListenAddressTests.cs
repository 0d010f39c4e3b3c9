using System.Net;
using OdooPerf.Collector.Hosting;
using Xunit;

namespace OdooPerf.Collector.Tests.Hosting;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:9720", "127.0.0.1", 9720)]
    [InlineData("0.0.0.0:9720", "0.0.0.0", 9720)]
    [InlineData("[::1]:9187", "::1", 9187)]
    [InlineData("[::]:1", "::", 1)]
    public void Parses_ip_addresses(string text, string address, int port)
    {
        var listen = ListenAddress.Parse(text);

        Assert.Equal(IPAddress.Parse(address), listen.Address);
        Assert.Equal(port, listen.Port);
        Assert.Equal(text, listen.ToString());
    }

    [Fact]
    public void Parses_localhost_without_an_address()
    {
        var listen = ListenAddress.Parse("localhost:9720");

        Assert.Null(listen.Address);
        Assert.Equal(9720, listen.Port);
    }

    [Theory]
    [InlineData("nonsense", "expected HOST:PORT")]
    [InlineData("127.0.0.1", "expected HOST:PORT")]
    [InlineData("127.0.0.1:0", "from 1 to 65535")]
    [InlineData("127.0.0.1:65536", "from 1 to 65535")]
    [InlineData("127.0.0.1:http", "from 1 to 65535")]
    [InlineData("odoo.example.com:9720", "is not an IPv4 address")]
    [InlineData("::1:9720", "is not an IPv4 address")]
    [InlineData("", "it is empty")]
    public void Rejects_what_it_cannot_bind_with_a_reason(string text, string reason)
    {
        var error = Assert.Throws<StartupException>(() => ListenAddress.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
