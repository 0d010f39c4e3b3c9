using System.Globalization;
using OdooPerf.Load.Simulations;

namespace OdooPerf.LoadTests.CommandLine;

/// <summary>
/// The report directory: created and checked writable before any load, so an hour-long run never ends with nowhere to
/// write. Without <c>--report-dir</c>, a new directory in the current one per run,
/// <c>odooperf-load-20250601-090000</c> (plus <c>-segment-2-of-4</c> for a segment).
/// </summary>
internal static class ReportDirectory
{
    public static string Default(ExecutionSegment segment, DateTimeOffset now)
    {
        var name = "odooperf-load-" + now.ToUniversalTime().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return segment.IsWhole ? name : $"{name}-segment-{segment.Index}-of-{segment.Count}";
    }

    /// <returns>The full path, and whether this call created the directory.</returns>
    /// <exception cref="UsageException">It cannot be created or written.</exception>
    public static (string Path, bool Created) Prepare(string option, string path)
    {
        string full;
        bool created;
        try
        {
            full = Path.GetFullPath(path);
            created = !Directory.Exists(full);
            Directory.CreateDirectory(full);
            var probe = Path.Join(full, $".odooperf-load-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"invalid {option} '{path}': cannot write there ({e.Message})");
        }

        return (full, created);
    }

    /// <summary>Removes a directory <see cref="Prepare"/> created when nothing was written to it (the run never started).</summary>
    public static void RemoveIfUnused(string path, bool created)
    {
        try
        {
            if (created && Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
            {
                Directory.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An empty directory left behind is harmless.
        }
    }
}
