namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>A directory of its own for one test, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("odooperf-tail-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Join(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
