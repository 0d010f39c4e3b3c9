namespace OdooPerf.Collector.Host;

/// <summary>Reads files under the configured procfs mount point.</summary>
public sealed class ProcFs(string root)
{
    public string Root { get; } = root;

    public string PathOf(string relative) => Path.Join(Root, relative);

    /// <summary>
    /// Reads a whole /proc file. procfs reports a size of 0, so this reads to the end rather than trusting
    /// the length.
    /// </summary>
    public string ReadText(string relative) => File.ReadAllText(PathOf(relative));

    public bool Exists(string relative) => File.Exists(PathOf(relative));
}
