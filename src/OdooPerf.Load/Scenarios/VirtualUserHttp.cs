using System.Net;

namespace OdooPerf.Load.Scenarios;

/// <summary>
/// HTTP clients for virtual users. A user that needs its own session (cookies) gets its own handler, as a browser
/// would: its connections are reused across its requests and never shared with another user. Users without a
/// session can share one client whose handler pools connections.
/// </summary>
public static class VirtualUserHttp
{
    /// <param name="baseAddress">Relative request URIs resolve against it.</param>
    /// <param name="cookies">Keep cookies (a session) for this client only.</param>
    /// <param name="timeout">A request slower than this fails with reason <c>timeout</c>.</param>
    /// <param name="maxConnections">Connections per server this client opens at most (a browser opens 6).</param>
    public static HttpClient Create(Uri? baseAddress = null, bool cookies = true, TimeSpan? timeout = null, int maxConnections = 6)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = cookies,
            MaxConnectionsPerServer = maxConnections,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false,
        };
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };
    }
}
