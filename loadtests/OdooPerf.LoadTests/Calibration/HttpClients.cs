using System.Net;
using System.Reflection;

namespace OdooPerf.LoadTests.Calibration;

/// <summary>
/// HTTP clients as the calibration scenario uses them, closer to wrk than to a browser: keep-alive, no cookies, no
/// redirects followed, no proxy, and no Accept-Encoding (so bytes received are the body's bytes on the wire). The
/// timeout is the caller's (<see cref="RequestTimer"/>), which covers the body too, unlike <see cref="HttpClient.Timeout"/>.
/// </summary>
internal static class HttpClients
{
    public static string UserAgent { get; } = "odooperf-load/" +
        (typeof(HttpClients).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    public static HttpClient Create(TargetUrl target, int maxConnections, TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = connectTimeout,
        };
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        client.DefaultRequestHeaders.Authorization = target.Authorization;
        return client;
    }

    /// <summary>
    /// The size of the request head as HTTP/1.1 sends it (request line, Host, User-Agent, Authorization), counted as
    /// the bytes sent by each GET; HTTP/2 compresses headers, so this is an upper bound there.
    /// </summary>
    public static long RequestHeadBytes(TargetUrl target)
    {
        var uri = target.RequestUri;
        var head = $"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nUser-Agent: {UserAgent}\r\n"
            + (target.Authorization is { } auth ? $"Authorization: {auth}\r\n" : "")
            + "\r\n";
        return System.Text.Encoding.ASCII.GetByteCount(head);
    }
}
