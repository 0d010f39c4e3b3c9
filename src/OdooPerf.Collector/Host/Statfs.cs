using System.Runtime.InteropServices;

namespace OdooPerf.Collector.Host;

/// <summary>Sizes of a mounted file system, from statfs(2), as node_exporter computes them.</summary>
public readonly record struct FilesystemUsage(ulong SizeBytes, ulong FreeBytes, ulong AvailableBytes, ulong Files, ulong FilesFree, bool ReadOnly);

/// <summary>statfs(2) through libc.</summary>
public static partial class Statfs
{
    private const long StRdonly = 1;

    /// <summary>Calls statfs on <paramref name="path"/>; throws <see cref="IOException"/> with errno's text on failure.</summary>
    public static FilesystemUsage Read(string path)
    {
        if (statfs(path, out var buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"statfs {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        var blockSize = (ulong)buffer.Bsize;
        return new FilesystemUsage(
            buffer.Blocks * blockSize,
            buffer.Bfree * blockSize,
            buffer.Bavail * blockSize,
            buffer.Files,
            buffer.Ffree,
            (buffer.Flags & StRdonly) != 0);
    }

    [LibraryImport("libc", EntryPoint = "statfs", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int statfs(string path, out StatfsBuffer buffer);

    // struct statfs of 64-bit Linux (x86_64, aarch64): every field is 8 bytes wide.
    [StructLayout(LayoutKind.Sequential)]
    private struct StatfsBuffer
    {
        public long Type;
        public long Bsize;
        public ulong Blocks;
        public ulong Bfree;
        public ulong Bavail;
        public ulong Files;
        public ulong Ffree;
        public ulong Fsid;
        public long Namelen;
        public long Frsize;
        public long Flags;
        public long Spare0;
        public long Spare1;
        public long Spare2;
        public long Spare3;
    }
}
