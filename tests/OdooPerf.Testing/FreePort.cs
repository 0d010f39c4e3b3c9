using System.Net;
using System.Net.Sockets;

namespace OdooPerf.Testing;

/// <summary>Loopback TCP ports nobody listens on, for servers a test starts.</summary>
public static class FreePort
{
    /// <summary>A port the kernel just handed out for 127.0.0.1 and that is free again.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
