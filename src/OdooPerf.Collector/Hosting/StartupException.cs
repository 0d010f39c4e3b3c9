namespace OdooPerf.Collector.Hosting;

/// <summary>
/// Bad input found before the daemon starts (an option, the config file, the listen address). Its
/// message is the one line the user sees on stderr; the process exits with code 2.
/// </summary>
public sealed class StartupException(string message) : Exception(message)
{
    public const int ExitCode = 2;
}
