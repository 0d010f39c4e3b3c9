using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OdooPerf.Collector.Tests.OdooProbe;

/// <summary>Keeps every log line at Information and above, formatted, for tests to count and read.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. _lines];

    public IEnumerable<string> At(LogLevel level) => Lines.Where(l => l.Level == level).Select(l => l.Message);

    public string AllText => string.Join('\n', Lines.Select(l => l.Message));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Information)
        {
            _lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
