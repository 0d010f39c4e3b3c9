using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OdooPerf.LoadTests.CommandLine;
using Prometheus;

namespace OdooPerf.LoadTests.Hosting;

/// <summary>
/// Kestrel on <c>--metrics-listen</c>, bound to that address only, serving the run's live metrics for as long as the
/// run (and its report writing) lasts. It starts before the load, so the first scrape already sees the targets.
/// </summary>
internal sealed class MetricsEndpoint : IAsyncDisposable
{
    private readonly KestrelServer _kestrel;

    private MetricsEndpoint(KestrelServer kestrel, ListenAddress address)
    {
        _kestrel = kestrel;
        Address = address;
    }

    public ListenAddress Address { get; }

    /// <exception cref="UsageException">The address cannot be listened on (in use, not local).</exception>
    public static async Task<MetricsEndpoint> StartAsync(ListenAddress address, CollectorRegistry registry)
    {
        var options = new KestrelServerOptions { AddServerHeader = false };
        address.ApplyTo(options);
        var loggers = NullLoggerFactory.Instance;
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggers);
        var kestrel = new KestrelServer(Options.Create(options), transport, loggers);
        try
        {
            await kestrel.StartAsync(new MetricsApplication(registry), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            kestrel.Dispose();
            var reason = e.InnerException is AddressInUseException || e is AddressInUseException
                ? "address already in use"
                : (e.InnerException ?? e).Message;
            throw new UsageException($"cannot listen on {address} (--metrics-listen): {reason}");
        }

        return new MetricsEndpoint(kestrel, address);
    }

    public async ValueTask DisposeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _kestrel.StopAsync(patience.Token).ConfigureAwait(false);
        }
        finally
        {
            _kestrel.Dispose();
        }
    }
}
