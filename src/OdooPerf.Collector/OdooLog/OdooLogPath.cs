namespace OdooPerf.Collector.OdooLog;

/// <summary>What an <c>--odoo-log</c> value names: a file, a glob in a file name, or a journald unit.</summary>
public static class OdooLogPath
{
    public const string JournaldPrefix = "journald:";

    public static bool IsJournald(string path) => path.StartsWith(JournaldPrefix, StringComparison.Ordinal);

    public static string JournaldUnit(string path) => path[JournaldPrefix.Length..];

    public static bool IsGlob(string path) => Path.GetFileName(path).AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>Why the value cannot be followed, or null when it can (the file itself may appear later).</summary>
    public static string? Error(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "empty path";
        }

        if (IsJournald(path))
        {
            var unit = JournaldUnit(path);
            return unit.Length == 0 || unit.AsSpan().IndexOfAny(" \t/\0") >= 0
                ? "expected journald:UNIT with a systemd unit name, e.g. journald:odoo.service"
                : null;
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return "the path contains a NUL character";
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        if (directory.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            return "wildcards are allowed in the file name only, not in directories";
        }

        if (Directory.Exists(path))
        {
            return "this is a directory; name the log file (or a glob such as DIR/*.log)";
        }

        return Directory.Exists(directory) ? null : $"directory '{directory}' does not exist";
    }
}
