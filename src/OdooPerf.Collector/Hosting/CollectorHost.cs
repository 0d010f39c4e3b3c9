using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace OdooPerf.Collector.Hosting;

/// <summary>Assembles the daemon: Kestrel on the listen address, /metrics, logging, tracing, systemd.</summary>
public static class CollectorHost
{
    /// <summary>SIGTERM must stop the daemon within systemd's patience; 4 s leaves a margin under 5 s.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(4);

    public static WebApplication Build(CollectorOptions options, IConfiguration configuration, Serilog.ILogger logger, string version)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });

        // Only our sources of configuration: no ASPNETCORE_/DOTNET_ variables, no appsettings.json. The
        // OpenTelemetry SDK reads the standard OTEL_* variables through this configuration, not from the
        // environment, so those are passed on as they are.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(CollectorTracing.StandardEnvironmentVariables());

        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger, dispose: false);
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);

        var listen = ListenAddress.Parse(options.Listen);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            listen.ApplyTo(kestrel);
        });

        SystemdIntegration.Register(builder.Services);
        CollectorTracing.Register(builder.Services, options.Tracing, version);

        var metrics = new CollectorMetrics(options, new SerilogLoggerFactory(logger), version);
        builder.Services.AddSingleton(metrics);

        var app = builder.Build();
        MetricsEndpoint.Map(app, metrics.Registry, version);
        return app;
    }
}
