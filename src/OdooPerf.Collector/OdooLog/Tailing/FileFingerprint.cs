using Microsoft.Win32.SafeHandles;

namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// A 64-bit hash (FNV-1a, stable across processes, unlike <see cref="HashCode"/>) of a file's first
/// <see cref="Length"/> bytes, up to <see cref="MaxLength"/>. A log file's head never changes while it is
/// appended to, so the fingerprint tells a copy of the file (copytruncate) from another file, and a file that
/// was truncated and written again from the one we were reading, where the inode alone cannot (a copy has a
/// new inode; a deleted file's inode is reused). The first lines of an Odoo log carry timestamps, so two
/// different logs practically never share a head.
/// </summary>
public readonly record struct FileFingerprint(int Length, ulong Hash)
{
    public const int MaxLength = 1024;

    /// <summary>An empty file tells nothing apart.</summary>
    public bool IsEmpty => Length == 0;

    public static FileFingerprint Of(ReadOnlySpan<byte> head)
    {
        head = head[..Math.Min(head.Length, MaxLength)];
        return new FileFingerprint(head.Length, Fnv1a(head));
    }

    /// <summary>
    /// Reads the head of an open file into <paramref name="scratch"/> (at least <see cref="MaxLength"/> bytes)
    /// and returns its fingerprint.
    /// </summary>
    public static FileFingerprint Read(SafeFileHandle handle, Span<byte> scratch)
    {
        var head = scratch[..MaxLength];
        var total = 0;
        while (total < head.Length)
        {
            var read = RandomAccess.Read(handle, head[total..], total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return Of(head[..total]);
    }

    /// <summary>
    /// True when a file whose first bytes are <paramref name="head"/> starts with the bytes this fingerprint
    /// was taken from: the same file, grown since, or a copy of it. An empty fingerprint matches nothing.
    /// </summary>
    public bool IsPrefixOf(ReadOnlySpan<byte> head) =>
        !IsEmpty && head.Length >= Length && Fnv1a(head[..Length]) == Hash;

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
