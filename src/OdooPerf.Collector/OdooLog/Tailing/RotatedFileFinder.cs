namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// Finds, next to a log file, the file that holds the rest of what we were reading: the renamed file after a
/// rotation while we were stopped (<c>odoo.log.1</c>: same inode), or the copy logrotate's copytruncate made
/// before truncating (a new inode with the same first bytes). Bounded: only names that start with the log's
/// own name (logrotate's numbered and dateext names do), not compressed ones (they cannot be read at an
/// offset; use <c>delaycompress</c>), the <see cref="MaxCandidates"/> most recently modified, each costing one
/// stat and one read of at most 1 KiB. A candidate must start with the fingerprinted bytes and be at least as
/// long as the position to resume from; a same-inode match wins, then the most recently modified.
/// </summary>
internal static class RotatedFileFinder
{
    public const int MaxCandidates = 32;

    private static readonly string[] CompressedSuffixes = [".gz", ".bz2", ".xz", ".zst", ".lz4", ".lzma", ".Z", ".zip"];

    /// <summary>
    /// The open sibling of <paramref name="path"/> that continues <paramref name="wanted"/> from
    /// <paramref name="offset"/>, or null. <paramref name="exclude"/> is the file now at <paramref name="path"/>.
    /// </summary>
    public static FollowedFile? Find(string path, FileIdentity wanted, FileFingerprint fingerprint, long offset, FileIdentity? exclude, Span<byte> scratch)
    {
        var directory = Path.GetDirectoryName(path);
        var name = Path.GetFileName(path);
        if (string.IsNullOrEmpty(directory) || string.IsNullOrEmpty(name))
        {
            return null;
        }

        var candidates = new List<(string Path, FileStatus Status)>();
        IEnumerable<string> siblings;
        try
        {
            siblings = Directory.GetFiles(directory, name + "*");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // the directory is gone or unreadable: there is no copy to be had
        }

        foreach (var sibling in siblings)
        {
            var siblingName = Path.GetFileName(sibling.AsSpan());
            if (siblingName.Length == name.Length || IsCompressed(siblingName))
            {
                continue;
            }

            try
            {
                if (FileStatus.OfPath(sibling) is { IsRegularFile: true } status && status.Identity != exclude && status.Size >= offset)
                {
                    candidates.Add((sibling, status));
                }
            }
            catch (IOException)
            {
                // Unreadable: not the one.
            }
        }

        var ordered = candidates
            .OrderByDescending(c => c.Status.Identity == wanted)
            .ThenByDescending(c => c.Status.ModifiedNanoseconds)
            .Take(MaxCandidates);
        foreach (var (candidatePath, status) in ordered)
        {
            var sameInode = status.Identity == wanted;
            if (fingerprint.IsEmpty && !sameInode)
            {
                continue; // nothing to recognise a copy by
            }

            FollowedFile? file = null;
            try
            {
                file = FollowedFile.TryOpen(candidatePath, scratch);
                if (file is not null && file.Identity == status.Identity
                    && (fingerprint.IsEmpty || file.StartsWith(fingerprint, scratch)))
                {
                    return file;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }

            file?.Dispose();
        }

        return null;
    }

    private static bool IsCompressed(ReadOnlySpan<char> name)
    {
        foreach (var suffix in CompressedSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
