using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OdooPerf.Benchmarks;

/// <summary>
/// <c>static-server --port N [--for SECONDS]</c>: the "local static endpoint" the load engine is compared with wrk on:
/// Kestrel on 127.0.0.1 answering every request with the same 13-byte text, through Kestrel's request features only
/// (no routing or middleware), so the server costs as little as a .NET server can and the generator is what is measured.
/// Stops after SECONDS (default 600) or on SIGTERM / Ctrl-C.
/// </summary>
public static class StaticEndpointCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = 0;
        var seconds = 600;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536:
                    port = p;
                    i++;
                    break;
                case "--for" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s) && s > 0:
                    seconds = s;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"static-server: unexpected '{args[i]}'");
                    Console.Error.WriteLine("usage: static-server --port N [--for SECONDS]");
                    return 2;
            }
        }

        if (port == 0)
        {
            Console.Error.WriteLine("static-server: --port is required");
            return 2;
        }

        var options = new KestrelServerOptions { AddServerHeader = false };
        options.Listen(IPAddress.Loopback, port);
        options.Limits.MaxConcurrentConnections = null;
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        using var server = new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

        await server.StartAsync(new StaticApplication(), CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine($"static-server: listening on http://127.0.0.1:{port}/");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    private sealed class StaticApplication : IHttpApplication<IFeatureCollection>
    {
        private static readonly byte[] Body = "Hello, World!"u8.ToArray();

        public IFeatureCollection CreateContext(IFeatureCollection contextFeatures) => contextFeatures;

        public void DisposeContext(IFeatureCollection context, Exception? exception)
        {
        }

        public Task ProcessRequestAsync(IFeatureCollection context)
        {
            var response = context.GetRequiredFeature<IHttpResponseFeature>();
            response.StatusCode = 200;
            response.Headers.ContentType = "text/plain";
            response.Headers.ContentLength = Body.Length;
            return context.GetRequiredFeature<IHttpResponseBodyFeature>().Writer.WriteAsync(Body).AsTask();
        }
    }
}
