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
            // double.TryParse also takes "NaN" and "Infinity", which TimeSpan refuses with an exception.
            if (!Fits(bareSeconds, TimeSpan.TicksPerSecond))
            {
                return false;
            }

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

            long? ticksPerUnit = rest[..unitLength] switch
            {
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" or "min" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => null,
            };
            if (ticksPerUnit is not { } unit || !Fits(value, unit))
            {
                return false;
            }

            var part = TimeSpan.FromTicks((long)(value * unit));
            if (part > TimeSpan.MaxValue - total)
            {
                return false;
            }

            total += part;
            rest = rest[unitLength..];
        }

        duration = total;
        return true;
    }

    // Whether value units make a duration a TimeSpan can hold (not NaN, not infinite, not beyond its range).
    private static bool Fits(double value, long ticksPerUnit) =>
        double.IsFinite(value) && value >= 0 && value * ticksPerUnit < long.MaxValue;
}
