using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OdooPerf.LoadTests.CommandLine;

namespace OdooPerf.LoadTests.Hosting;

/// <summary>
/// The <c>HOST:PORT</c> the live metrics are served on: an IPv4 address, a bracketed IPv6 address or
/// <c>localhost</c> (the collector's rules). Listening on all interfaces is explicit: <c>0.0.0.0:9721</c>.
/// </summary>
internal sealed record ListenAddress(string Host, IPAddress? Address, int Port)
{
    /// <exception cref="UsageException">Not HOST:PORT.</exception>
    public static ListenAddress Parse(string option, string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            throw Invalid(option, text, "expected HOST:PORT, for example 127.0.0.1:9721");
        }

        var host = text[..colon];
        var portText = text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw Invalid(option, text, $"the port '{portText}' is not a number from 1 to 65535");
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ListenAddress("localhost", null, port);
        }

        var bracketed = host.StartsWith('[') && host.EndsWith(']');
        var addressText = bracketed ? host[1..^1] : host;
        if (!IPAddress.TryParse(addressText, out var address) || (address.AddressFamily == AddressFamily.InterNetworkV6) != bracketed)
        {
            throw Invalid(option, text, $"'{host}' is not an IPv4 address, a bracketed IPv6 address or localhost");
        }

        return new ListenAddress(host, address, port);
    }

    public void ApplyTo(KestrelServerOptions kestrel)
    {
        if (Address is null)
        {
            kestrel.ListenLocalhost(Port);
        }
        else
        {
            kestrel.Listen(Address, Port);
        }
    }

    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    private static UsageException Invalid(string option, string text, string why) => new($"invalid {option} '{text}': {why}");
}
