using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace OdooPerf.Collector.Hosting;

/// <summary>
/// Serilog set up for a daemon: plain text on a terminal, syslog priority prefixes without timestamps
/// when systemd sends stdout to the journal (journald adds its own), or compact JSON for log shippers.
/// </summary>
public static class CollectorLogging
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
    private const string JournaldTemplate = "<{SyslogPriority}>{SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static Logger Create(LoggingOptions options)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(Enum.Parse<LogEventLevel>(options.Level, ignoreCase: true))
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Filter.ByExcluding(IsBindFailureAlreadyReported)
            .Enrich.FromLogContext();

        var format = options.Format.ToLowerInvariant();
        if (format == "auto")
        {
            // systemd sets JOURNAL_STREAM when stdout or stderr is connected to the journal.
            format = Environment.GetEnvironmentVariable("JOURNAL_STREAM") is { Length: > 0 } ? "journald" : "text";
        }

        configuration = format switch
        {
            "json" => configuration.WriteTo.Console(new CompactJsonFormatter()),
            "journald" => configuration.Enrich.With<SyslogPriorityEnricher>().WriteTo.Console(outputTemplate: JournaldTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            _ => configuration.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture),
        };

        return configuration.CreateLogger();
    }

    // The generic host logs a failed start with its stack trace; when the cause is a listen address that
    // cannot be bound, the command line has already said so in one line on stderr.
    private static bool IsBindFailureAlreadyReported(LogEvent e) =>
        e.Exception is IOException && e.Level >= LogEventLevel.Error
        && e.Properties.TryGetValue("SourceContext", out var context)
        && context.ToString().Contains("Microsoft.Extensions.Hosting", StringComparison.Ordinal);

    /// <summary>Adds the syslog priority (sd-daemon(3) prefix) that journald reads from the start of a line.</summary>
    private sealed class SyslogPriorityEnricher : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            var priority = logEvent.Level switch
            {
                LogEventLevel.Fatal => 2,
                LogEventLevel.Error => 3,
                LogEventLevel.Warning => 4,
                LogEventLevel.Information => 6,
                _ => 7,
            };
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("SyslogPriority", priority));
        }
    }
}
