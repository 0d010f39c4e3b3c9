using Microsoft.Extensions.Logging;

namespace OdooPerf.LoadTests.Console;

/// <summary>
/// The engine's log, one line per message on stderr (above the live progress block), from Information up:
/// <c>odooperf-load: warning: Scenario http step get failed: ...</c>. An exception adds its type and message, never
/// its stack trace. A failing target makes every virtual user report the same failure: each distinct line is printed
/// once, and after <see cref="MaxDistinctLines"/> of them the rest are counted in the reports only.
/// </summary>
internal sealed class ConsoleLoggerFactory(ConsoleOutput console) : ILoggerFactory
{
    public const int MaxDistinctLines = 100;

    private readonly HashSet<string> _printed = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName) => new ConsoleLogger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Print(string line)
    {
        lock (_lock)
        {
            if (_printed.Count > MaxDistinctLines || !_printed.Add(line))
            {
                return;
            }

            if (_printed.Count > MaxDistinctLines)
            {
                line = $"warning: more than {MaxDistinctLines} different log messages: the rest are not shown (the reports count every failure)";
            }
        }

        console.Error(line);
    }

    private sealed class ConsoleLogger(ConsoleLoggerFactory factory) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var level = logLevel switch
            {
                LogLevel.Information => "",
                LogLevel.Warning => "warning: ",
                _ => "error: ",
            };
            var cause = exception is null ? "" : $": {exception.GetType().Name}: {exception.Message}";
            factory.Print(level + formatter(state, exception) + cause);
        }
    }
}
