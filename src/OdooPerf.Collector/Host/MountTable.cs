using System.Text;

namespace OdooPerf.Collector.Host;

/// <summary>One line of /proc/PID/mounts.</summary>
public sealed record Mount(string Device, string MountPoint, string FsType, string Options);

/// <summary>Parses the mount table (fstab format, as in /proc/1/mounts).</summary>
public static class MountTable
{
    public static List<Mount> Parse(string text)
    {
        var mounts = new List<Mount>();
        Span<Range> fields = stackalloc Range[4];
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (LineFields.Split(line, fields) < 4)
            {
                continue;
            }

            mounts.Add(new Mount(
                Unescape(line[fields[0]]),
                Unescape(line[fields[1]]),
                line[fields[2]].ToString(),
                line[fields[3]].ToString()));
        }

        return mounts;
    }

    /// <summary>
    /// The kernel writes space, tab, newline and backslash in mount fields as octal escapes
    /// (<c>\040</c>, <c>\011</c>, <c>\012</c>, <c>\134</c>): a mount point "/mnt/odoo data" appears as
    /// "/mnt/odoo\040data".
    /// </summary>
    public static string Unescape(ReadOnlySpan<char> field)
    {
        if (!field.Contains('\\'))
        {
            return field.ToString();
        }

        // Only those four ASCII characters are escaped, so each escape is one char.
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field[i + 1]) && IsOctal(field[i + 2]) && IsOctal(field[i + 3]))
            {
                text.Append((char)(((field[i + 1] - '0') << 6) | ((field[i + 2] - '0') << 3) | (field[i + 3] - '0')));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
