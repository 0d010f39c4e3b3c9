using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OdooPerf.Collector.Hosting;

/// <summary>
/// The <c>HOST:PORT</c> the /metrics endpoint binds to: an IPv4 address, a bracketed IPv6 address or
/// <c>localhost</c>. Listening on all interfaces is explicit (<c>0.0.0.0:9720</c>, <c>[::]:9720</c>).
/// </summary>
public sealed record ListenAddress(string Host, IPAddress? Address, int Port)
{
    public const string Default = "127.0.0.1:9720";

    /// <summary>Parses <paramref name="text"/>; throws <see cref="StartupException"/> saying what is wrong.</summary>
    public static ListenAddress Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(text, "it is empty");
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            throw Invalid(text, "expected HOST:PORT, for example 127.0.0.1:9720");
        }

        var host = text[..colon];
        var portText = text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw Invalid(text, $"the port '{portText}' is not a number from 1 to 65535");
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ListenAddress("localhost", null, port);
        }

        var bracketed = host.StartsWith('[') && host.EndsWith(']');
        var addressText = bracketed ? host[1..^1] : host;
        if (!IPAddress.TryParse(addressText, out var address)
            || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6) != bracketed)
        {
            throw Invalid(text, $"'{host}' is not an IPv4 address, a bracketed IPv6 address or localhost");
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

    private static StartupException Invalid(string? text, string why) => new($"invalid listen address '{text}': {why}");
}
