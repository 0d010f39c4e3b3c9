using Microsoft.Extensions.Logging;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>Keeps what was logged, to check that a problem is reported, and reported once.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly object _lock = new();
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public List<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public IEnumerable<string> AtLeast(LogLevel level) => Entries.Where(e => e.Level >= level).Select(e => e.Message);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lock)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
