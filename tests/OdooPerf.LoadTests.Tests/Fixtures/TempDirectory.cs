namespace OdooPerf.LoadTests.Tests.Fixtures;

/// <summary>A directory for one test's reports, deleted with everything in it at the end.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Join(System.IO.Path.GetTempPath(), $"odooperf-load-tests-{Guid.NewGuid():N}");

    /// <summary>A path inside (not created).</summary>
    public string Join(string name) => System.IO.Path.Join(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
