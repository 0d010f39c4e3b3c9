using Microsoft.Win32.SafeHandles;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// An open log file: the handle keeps it readable after it is renamed or deleted, and its identity and
/// fingerprint say which file it is. The fingerprint is completed while the file is shorter than
/// <see cref="FileFingerprint.MaxLength"/> and checked again whenever the file changes, which detects a
/// truncation even when the file grew back past the read position before we looked.
/// </summary>
internal sealed class FollowedFile : IDisposable
{
    private long _checkedSize = -1;
    private long _checkedModified = -1;

    private FollowedFile(string path, SafeFileHandle handle, FileStatus status)
    {
        Path = path;
        Handle = handle;
        Identity = status.Identity;
    }

    public string Path { get; }

    public SafeFileHandle Handle { get; }

    public FileIdentity Identity { get; }

    public FileFingerprint Fingerprint { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> for reading without keeping others from writing, renaming or deleting it;
    /// null when it does not exist. Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> otherwise.
    /// </summary>
    public static FollowedFile? TryOpen(string path, Span<byte> scratch)
    {
        // Checked first: opening a FIFO for reading would block until someone writes to it.
        if (FileStatus.OfPath(path) is not { } before)
        {
            return null;
        }

        if (!before.IsRegularFile)
        {
            throw new IOException($"{path} is not a regular file");
        }

        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            var status = FileStatus.Of(handle);
            var file = new FollowedFile(path, handle, status);
            file.HeadIsUnchanged(status, scratch);
            return file;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public FileStatus Stat() => FileStatus.Of(Handle);

    /// <summary>
    /// Re-reads the head when the file changed since the last check: false when it no longer starts with the
    /// bytes fingerprinted before (truncated, then written again); otherwise extends a short fingerprint.
    /// </summary>
    public bool HeadIsUnchanged(FileStatus status, Span<byte> scratch)
    {
        if (status.Size == _checkedSize && status.ModifiedNanoseconds == _checkedModified)
        {
            return true;
        }

        var current = FileFingerprint.Read(Handle, scratch);
        var head = scratch[..current.Length];
        if (!Fingerprint.IsEmpty && !Fingerprint.IsPrefixOf(head))
        {
            return false;
        }

        Fingerprint = current;
        _checkedSize = status.Size;
        _checkedModified = status.ModifiedNanoseconds;
        return true;
    }

    /// <summary>Forgets the fingerprint after a truncation: the file's new content gets its own.</summary>
    public void ResetFingerprint(Span<byte> scratch)
    {
        Fingerprint = default;
        _checkedSize = -1;
        _checkedModified = -1;
        HeadIsUnchanged(Stat(), scratch);
    }

    /// <summary>True when the file now starts with the bytes <paramref name="fingerprint"/> was taken from (an empty one matches nothing).</summary>
    public bool StartsWith(FileFingerprint fingerprint, Span<byte> scratch)
    {
        var head = FileFingerprint.Read(Handle, scratch);
        return fingerprint.IsPrefixOf(scratch[..head.Length]);
    }

    /// <summary>True when <paramref name="offset"/> is the start of a line: the start of the file or just after a newline.</summary>
    public bool IsLineStart(long offset)
    {
        if (offset == 0)
        {
            return true;
        }

        Span<byte> previous = stackalloc byte[1];
        return RandomAccess.Read(Handle, previous, offset - 1) == 1 && previous[0] == (byte)'\n';
    }

    public void Dispose() => Handle.Dispose();
}
