namespace OdooPerf.Load.Scenarios;

/// <summary>
/// The run could not start (target unreachable, login refused, a required app missing): thrown by a scenario's
/// init, it ends the run before any load with exit code 3. The message is one line for the console; it must not
/// contain secrets.
/// </summary>
public sealed class LoadStartException(string message, Exception? inner = null) : Exception(message, inner);
