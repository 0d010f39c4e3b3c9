namespace OdooPerf.LoadTests.Scenarios;

/// <summary>A mix file that cannot be used; the message is one line naming the file and what is wrong.</summary>
internal sealed class MixFileException(string message) : Exception(message);
