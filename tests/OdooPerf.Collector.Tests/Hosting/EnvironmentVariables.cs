using Xunit;

namespace OdooPerf.Collector.Tests.Hosting;

/// <summary>Sets process environment variables for one test and restores them afterwards.</summary>
[CollectionDefinition(nameof(EnvironmentVariables), DisableParallelization = true)]
public sealed class EnvironmentVariables : IDisposable
{
    private readonly List<(string Name, string? Previous)> _saved = [];

    public EnvironmentVariables()
    {
    }

    public EnvironmentVariables(params (string Name, string? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _saved.Add((name, Environment.GetEnvironmentVariable(name)));
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, previous) in _saved)
        {
            Environment.SetEnvironmentVariable(name, previous);
        }
    }
}
