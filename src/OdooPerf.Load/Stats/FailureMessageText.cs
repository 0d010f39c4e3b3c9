using System.Text;

namespace OdooPerf.Load.Stats;

/// <summary>
/// How a failure's message is stored and when two messages are the same. Stored: secrets masked first (so a cut cannot
/// leave half of one), then on one line (runs of spaces, tabs, newlines and control characters become one space), cut
/// to the length limit and then ending in "…". The same: equal once whitespace runs count as one space and every run of
/// digits as one placeholder, over the first characters up to the length limit, so "Order 41 is locked" and "Order 42
/// is locked" are one message. Comparing walks both strings in place: looking up an already-seen message allocates
/// nothing.
/// </summary>
public static class FailureMessageText
{
    public const string Ellipsis = "…";

    // What a run of digits reads as when comparing: outside the char range, so no character can equal it.
    private const int DigitRun = 0x10000;
    private const int End = -1;

    /// <summary>The text a report keeps for <paramref name="message"/>.</summary>
    public static string Clean(string message, int maxLength, Func<string, string>? redact = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = redact is null ? message : redact(message);
        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (builder.Length > maxLength)
            {
                // One character too many: cut to make room for the ellipsis, so the whole is maxLength long.
                builder.Length = maxLength - Ellipsis.Length;
                return builder.ToString().TrimEnd() + Ellipsis;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> count as one message (see the type's summary).</summary>
    public static bool SameMessage(string a, string b, int maxLength)
    {
        var x = new Reader(a, maxLength);
        var y = new Reader(b, maxLength);
        while (true)
        {
            var next = x.Next();
            if (next != y.Next())
            {
                return false;
            }

            if (next == End)
            {
                return true;
            }
        }
    }

    /// <summary>A hash that agrees with <see cref="SameMessage"/>.</summary>
    public static int HashOf(string text, int maxLength)
    {
        var hash = new HashCode();
        var reader = new Reader(text, maxLength);
        for (var next = reader.Next(); next != End; next = reader.Next())
        {
            hash.Add(next);
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares messages as <see cref="SameMessage"/> does, for dictionaries.</summary>
    public sealed class Comparer(int maxLength) : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && SameMessage(x, y, maxLength));

        public int GetHashCode(string obj) => HashOf(obj, maxLength);
    }

    /// <summary>The compared form of a text, one unit at a time: characters, one space per whitespace run, one placeholder per digit run.</summary>
    private struct Reader(string text, int maxLength)
    {
        private readonly int _end = Math.Min(text.Length, maxLength);
        private int _index;
        private bool _started;
        private bool _space;

        public int Next()
        {
            while (_index < _end)
            {
                var c = text[_index];
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    // A space counts only between two other units: leading and trailing ones are dropped.
                    _space = _started;
                    _index++;
                    continue;
                }

                if (_space)
                {
                    _space = false;
                    return ' ';
                }

                _started = true;
                if (char.IsAsciiDigit(c))
                {
                    while (_index < _end && char.IsAsciiDigit(text[_index]))
                    {
                        _index++;
                    }

                    return DigitRun;
                }

                _index++;
                return c;
            }

            return End;
        }
    }
}
