namespace OdooPerf.Load.Reports;

/// <summary>
/// Writes a file through a temporary sibling and a rename, so a crash or a full disk never leaves half a report
/// under the real name (the previous file, if any, stays until the new one is complete).
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temporary = Path.Join(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The temporary file is hidden and uniquely named; leaving it is harmless, hiding the real error is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
