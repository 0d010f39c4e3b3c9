using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OdooPerf.Testing;

namespace OdooPerf.LoadTests.Tests.Fixtures;

/// <summary>
/// The system under test: Kestrel on 127.0.0.1 (a free port) answering every request with <see cref="Status"/> and a
/// short body, after <see cref="Delay"/>. It counts the requests it served and remembers the Authorization header,
/// so tests compare what odooperf-load reports with what the server saw.
/// </summary>
public sealed class TargetServer : IAsyncDisposable
{
    public static readonly byte[] Body = "Hello, World!"u8.ToArray();

    private readonly KestrelServer _kestrel;
    private long _requests;
    private volatile string? _authorization;

    private TargetServer(int port, int status, TimeSpan delay)
    {
        Port = port;
        Status = status;
        Delay = delay;
        var options = new KestrelServerOptions { AddServerHeader = false };
        options.Listen(IPAddress.Loopback, port);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        _kestrel = new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance);
    }

    public int Port { get; }

    public int Status { get; }

    public TimeSpan Delay { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>Requests answered so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The Authorization header of the last request (null when it had none).</summary>
    public string? Authorization => _authorization;

    public static async Task<TargetServer> StartAsync(int status = 200, TimeSpan? delay = null)
    {
        var server = new TargetServer(FreePort.Next(), status, delay ?? TimeSpan.Zero);
        await server._kestrel.StartAsync(new Application(server), CancellationToken.None);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _kestrel.StopAsync(CancellationToken.None);
        _kestrel.Dispose();
    }

    private sealed class Application(TargetServer server) : IHttpApplication<IFeatureCollection>
    {
        public IFeatureCollection CreateContext(IFeatureCollection contextFeatures) => contextFeatures;

        public void DisposeContext(IFeatureCollection context, Exception? exception)
        {
        }

        public async Task ProcessRequestAsync(IFeatureCollection context)
        {
            var request = context.GetRequiredFeature<IHttpRequestFeature>();
            server._authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;
            if (server.Delay > TimeSpan.Zero)
            {
                await Task.Delay(server.Delay);
            }

            var response = context.GetRequiredFeature<IHttpResponseFeature>();
            response.StatusCode = server.Status;
            response.Headers.ContentType = "text/plain";
            response.Headers.ContentLength = Body.Length;
            await context.GetRequiredFeature<IHttpResponseBodyFeature>().Writer.WriteAsync(Body);
            Interlocked.Increment(ref server._requests);
        }
    }
}
