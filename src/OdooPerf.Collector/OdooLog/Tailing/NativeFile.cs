using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// The libc calls .NET does not offer: statx(2), the only portable way to an inode number (its struct has the
/// same layout on every architecture, unlike struct stat), and fsync(2) of a directory, which makes a rename
/// durable.
/// </summary>
internal static partial class NativeFile
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const ushort SIfMt = 0xF000;
    private const ushort SIfReg = 0x8000;

    public static FileStatus? StatPath(string path)
    {
        Span<byte> buffer = stackalloc byte[StatxSize];
        if (statx(AtFdCwd, path, 0, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is ENOENT or ENOTDIR)
            {
                return null;
            }

            throw Failure("statx", path, errno);
        }

        return Decode(buffer);
    }

    public static FileStatus StatHandle(SafeFileHandle handle)
    {
        Span<byte> buffer = stackalloc byte[StatxSize];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var fd = (int)handle.DangerousGetHandle();
            if (statx(fd, string.Empty, AtEmptyPath, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
            {
                throw Failure("statx", $"file descriptor {fd}", Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        return Decode(buffer);
    }

    /// <summary>fsync(2) on a directory, so that a rename inside it survives a power loss. Best effort: errors are returned, not thrown.</summary>
    public static string? SyncDirectory(string directory)
    {
        // O_DIRECTORY differs between architectures (0x4000 on arm64); opening read-only without it works for a directory.
        var fd = open(directory, 0);
        if (fd < 0)
        {
            return Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
        }

        try
        {
            return fsync(fd) == 0 ? null : Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
        }
        finally
        {
            _ = close(fd);
        }
    }

    private static FileStatus Decode(ReadOnlySpan<byte> statxBuffer)
    {
        // Offsets from struct statx in linux/stat.h.
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(statxBuffer[0x1C..]);
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(statxBuffer[0x20..]);
        var size = BinaryPrimitives.ReadInt64LittleEndian(statxBuffer[0x28..]);
        var mtimeSeconds = BinaryPrimitives.ReadInt64LittleEndian(statxBuffer[0x70..]);
        var mtimeNanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(statxBuffer[0x78..]);
        var deviceMajor = BinaryPrimitives.ReadUInt32LittleEndian(statxBuffer[0x88..]);
        var deviceMinor = BinaryPrimitives.ReadUInt32LittleEndian(statxBuffer[0x8C..]);
        return new FileStatus(
            new FileIdentity(MakeDevice(deviceMajor, deviceMinor), inode),
            size,
            (mtimeSeconds * 1_000_000_000) + mtimeNanoseconds,
            (mode & SIfMt) == SIfReg);
    }

    // glibc's makedev(3): the dev_t that stat(2) and ls -i report.
    private static ulong MakeDevice(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0x00000fff) << 8)
        | ((ulong)(minor & 0xffffff00) << 12) | (minor & 0x000000ff);

    private static IOException Failure(string call, string what, int errno) =>
        new($"{call} {what}: {Marshal.GetPInvokeErrorMessage(errno)}");

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int statx(int dirfd, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int close(int fd);
}
