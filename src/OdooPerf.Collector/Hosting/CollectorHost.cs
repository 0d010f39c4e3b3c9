using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace OdooPerf.Collector.Hosting;

/// <summary>Assembles the daemon: the generic host, the /metrics server, logging, tracing, systemd.</summary>
public static class CollectorHost
{
    /// <summary>SIGTERM must stop the daemon within systemd's patience; 4 s leaves a margin under 5 s.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(4);

    public static IHost Build(CollectorOptions options, IConfiguration configuration, Serilog.ILogger logger, string version)
    {
        // The empty builder adds no configuration source and no logging provider of its own: the
        // configuration is ours alone (no DOTNET_ variables, no appsettings.json) and logs go to Serilog.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // The OpenTelemetry SDK reads the standard OTEL_* variables through the host's configuration, not
        // from the environment, so those are passed on as they are.
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(CollectorTracing.StandardEnvironmentVariables());

        var loggers = new SerilogLoggerFactory(logger);
        builder.Services.AddSerilog(logger, dispose: false);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);

        SystemdIntegration.Register(builder.Services);
        CollectorTracing.Register(builder.Services, options.Tracing, version);

        var metrics = new CollectorMetrics(options, loggers, version);
        var listen = ListenAddress.Parse(options.Listen);
        builder.Services.AddSingleton(metrics);
        if (metrics.OdooLog is { } odooLog)
        {
            builder.Services.AddHostedService(_ => new OdooLog.OdooLogService(odooLog));
        }

        builder.Services.AddHostedService(services => new MetricsServer(
            listen,
            new MetricsHttpApplication(metrics.Registry, version),
            services,
            services.GetRequiredService<ILoggerFactory>()));

        return builder.Build();
    }
}
