using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace OdooPerf.Collector.Host;

/// <summary>Reads files under the configured procfs mount point.</summary>
/// <remarks>
/// Every scrape reads a dozen /proc files and the command line of every process. File.ReadAllText would
/// allocate a stream, a reader and their buffers (about 8 KB) for each; these methods read into a
/// pooled buffer and allocate only the result.
/// </remarks>
public sealed class ProcFs(string root)
{
    private const int InitialBuffer = 16 * 1024;

    public string Root { get; } = root;

    public string PathOf(string relative) => Path.Join(Root, relative);

    /// <summary>
    /// Reads a whole /proc file as text. procfs reports a size of 0, so this reads to the end rather than
    /// trusting the length.
    /// </summary>
    public string ReadText(string relative) => ReadTextAt(PathOf(relative));

    /// <summary>Reads the whole file at <paramref name="path"/> (an absolute path under /proc) as UTF-8 text.</summary>
    public static string ReadTextAt(string path)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            var length = ReadAll(path, ref buffer);
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the whole file at <paramref name="path"/> and hands its bytes to <paramref name="parse"/>.</summary>
    public static T ReadBytesAt<T>(string path, Func<ReadOnlySpan<byte>, T> parse)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            var length = ReadAll(path, ref buffer);
            return parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ReadAll(string path, ref byte[] buffer)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = RandomAccess.Read(handle, buffer.AsSpan(length), length);
            if (read == 0)
            {
                return length;
            }

            length += read;
        }
    }
}
