using Microsoft.Extensions.Logging;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// Logs a recurring problem once per distinct condition instead of once per poll, and once more when it clears:
/// a follower retrying an unreadable file four times a second must not flood the journal.
/// </summary>
internal sealed class ConditionLog
{
    private readonly ILogger _logger;
    private string? _current;

    public ConditionLog(ILogger logger)
    {
        _logger = logger;
    }

    /// <summary>Logs <paramref name="condition"/> unless it is the one already reported.</summary>
    public void Report(LogLevel level, string source, string condition)
    {
        if (string.Equals(condition, _current, StringComparison.Ordinal))
        {
            return;
        }

        _current = condition;
        _logger.Log(level, "Log {Source}: {Condition}", source, condition);
    }

    /// <summary>The condition is gone: say so (<paramref name="resolution"/>) if one was reported, and report the next one again.</summary>
    public void Clear(string source, string resolution)
    {
        if (_current is null)
        {
            return;
        }

        _current = null;
        _logger.LogInformation("Log {Source}: {Resolution}", source, resolution);
    }
}
