using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OdooPerf.Collector.Hosting;

/// <summary>
/// Kestrel on the listen address, serving <see cref="MetricsHttpApplication"/>. It starts listening while
/// the host starts, so systemd hears READY=1 only once /metrics answers, and a port already in use fails
/// the start.
/// </summary>
public sealed class MetricsServer : IHostedService, IAsyncDisposable
{
    private readonly KestrelServer _kestrel;
    private readonly MetricsHttpApplication _application;
    private readonly ListenAddress _listen;
    private readonly ILogger _logger;

    public MetricsServer(ListenAddress listen, MetricsHttpApplication application, IServiceProvider services, ILoggerFactory loggers)
    {
        var options = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = services };
        listen.ApplyTo(options);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggers);
        _kestrel = new KestrelServer(Options.Create(options), transport, loggers);
        _application = application;
        _listen = listen;
        _logger = loggers.CreateLogger<MetricsServer>();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _kestrel.StartAsync(_application, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Serving metrics on http://{Listen}/metrics", _listen);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _kestrel.StopAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        _kestrel.Dispose();
        return ValueTask.CompletedTask;
    }
}
