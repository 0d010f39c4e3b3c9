using OdooPerf.Load.Thresholds;
using OdooPerf.LoadTests.Console;

namespace OdooPerf.LoadTests.CommandLine;

/// <summary>
/// Turns what a command throws into one line on stderr and an exit code: bad usage 2; anything unexpected 70 (a bug:
/// its type and message, never a stack trace).
/// </summary>
internal static class CommandErrors
{
    /// <summary>An error that is odooperf-load's own fault (EX_SOFTWARE in sysexits.h).</summary>
    public const int InternalError = 70;

    public static async Task<int> GuardAsync(ConsoleOutput console, Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            console.Error(e.Message);
            return ExitCodes.BadUsage;
        }
        catch (Exception e)
        {
            console.Error($"internal error: {e.GetType().Name}: {e.Message}");
            return InternalError;
        }
    }
}
