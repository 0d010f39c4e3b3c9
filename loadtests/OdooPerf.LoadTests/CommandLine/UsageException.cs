namespace OdooPerf.LoadTests.CommandLine;

/// <summary>
/// Bad input (an option's value, a threshold, a baseline file, a report directory): the command prints the message as
/// one line on stderr and exits with <see cref="Load.Thresholds.ExitCodes.BadUsage"/>. The message names the option
/// and the value, never a secret.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
