using System.Globalization;

namespace OdooPerf.Load.Simulations;

/// <summary>
/// Durations as testers write them on the command line and read them in reports: <c>90s</c>, <c>5m</c>, <c>1h30m</c>,
/// <c>250ms</c>; a bare number is seconds.
/// </summary>
public static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)}ms";
        }

        if (duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";
        }

        var text = "";
        if (duration.Hours + duration.Days * 24 > 0)
        {
            text += $"{(int)duration.TotalHours}h";
        }

        if (duration.Minutes > 0)
        {
            text += $"{duration.Minutes}m";
        }

        if (duration.Seconds > 0)
        {
            text += $"{duration.Seconds}s";
        }

        return text;
    }

    /// <summary>Parses a duration; false for anything else (negative, empty, unknown unit).</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var rest = text.Trim().AsSpan();
        if (double.TryParse(rest, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bareSeconds))
        {
            duration = TimeSpan.FromSeconds(bareSeconds);
            return true;
        }

        var total = TimeSpan.Zero;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            if (digits == 0 || !double.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            rest = rest[digits..];
            var unitLength = 0;
            while (unitLength < rest.Length && char.IsAsciiLetter(rest[unitLength]))
            {
                unitLength++;
            }

            TimeSpan? part = rest[..unitLength] switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" or "min" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                _ => null,
            };
            if (part is null)
            {
                return false;
            }

            total += part.Value;
            rest = rest[unitLength..];
        }

        duration = total;
        return true;
    }
}
