namespace OdooPerf.Collector.OdooLog.Tailing;

/// <summary>
/// A file-name pattern with <c>*</c> (any run of characters, none included) and <c>?</c> (one character), as a
/// shell matches it: case-sensitive, no character classes, and a name starting with a dot (an editor's swap
/// file, a hidden file) only matches a pattern that starts with one. Directories are never patterns
/// (<see cref="OdooLogPath.Error"/> refuses them).
/// </summary>
public sealed class FileNameGlob
{
    private readonly string _pattern;

    public FileNameGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        _pattern = pattern;
    }

    public static bool HasWildcards(ReadOnlySpan<char> name) => name.IndexOfAny('*', '?') >= 0;

    public bool IsMatch(ReadOnlySpan<char> name)
    {
        // Iterative matching with one backtrack point per '*': linear in practice, never exponential.
        ReadOnlySpan<char> pattern = _pattern;
        if (name.StartsWith('.') && !pattern.StartsWith('.'))
        {
            return false;
        }

        int p = 0, n = 0, star = -1, starMatch = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                starMatch = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++starMatch;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    public override string ToString() => _pattern;
}
