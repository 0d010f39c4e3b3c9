using Microsoft.Win32.SafeHandles;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>What the tailer needs from stat(2): identity, size, last modification and whether it is a regular file.</summary>
public readonly record struct FileStatus(FileIdentity Identity, long Size, long ModifiedNanoseconds, bool IsRegularFile)
{
    /// <summary>
    /// statx(2) on a path (following symbolic links); null when nothing is there. Throws
    /// <see cref="IOException"/> for other failures (permission denied on the directory, I/O error).
    /// </summary>
    public static FileStatus? OfPath(string path) => NativeFile.StatPath(path);

    /// <summary>statx(2) on an open file: its identity stays the same whatever happens to its name.</summary>
    public static FileStatus Of(SafeFileHandle handle) => NativeFile.StatHandle(handle);
}
