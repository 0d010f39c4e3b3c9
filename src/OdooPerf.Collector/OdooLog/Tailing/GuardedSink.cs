using Microsoft.Extensions.Logging;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// Keeps a failing sink from breaking its follower mid-buffer: an exception from a sink is a bug in the
/// consumer, logged once per distinct message; the line is dropped and reading goes on.
/// </summary>
internal sealed class GuardedSink : ILogLineSink
{
    private readonly ILogLineSink _inner;
    private readonly string _source;
    private readonly ILogger _logger;
    private string? _lastError;

    public GuardedSink(ILogLineSink inner, string source, ILogger logger)
    {
        _inner = inner;
        _source = source;
        _logger = logger;
    }

    public void OnLine(ReadOnlySpan<byte> line)
    {
        try
        {
            _inner.OnLine(line);
        }
        catch (Exception ex)
        {
            Report(ex);
        }
    }

    public void OnLineTooLong()
    {
        try
        {
            _inner.OnLineTooLong();
        }
        catch (Exception ex)
        {
            Report(ex);
        }
    }

    public void OnIdle()
    {
        try
        {
            _inner.OnIdle();
        }
        catch (Exception ex)
        {
            Report(ex);
        }
    }

    private void Report(Exception ex)
    {
        if (string.Equals(ex.Message, _lastError, StringComparison.Ordinal))
        {
            return;
        }

        _lastError = ex.Message;
        _logger.LogError(ex, "Log {Source}: the line consumer failed; the line is dropped", _source);
    }
}
