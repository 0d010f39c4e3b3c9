using System.Globalization;
using OdooPerf.Load.Simulations;

namespace OdooPerf.LoadTests.CommandLine;

/// <summary>Reads option values as testers write them, with a one-line <see cref="UsageException"/> for anything else.</summary>
internal static class OptionValues
{
    /// <summary>A duration longer than zero (<c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>250ms</c>, a bare number of seconds).</summary>
    public static TimeSpan Duration(string option, string text)
    {
        if (!DurationText.TryParse(text, out var duration) || duration <= TimeSpan.Zero)
        {
            throw new UsageException($"invalid {option} '{text}': expected a duration such as 90s, 5m, 1h30m or 250ms");
        }

        return duration;
    }

    /// <summary>A duration of zero or more.</summary>
    public static TimeSpan DurationOrZero(string option, string text)
    {
        if (!DurationText.TryParse(text, out var duration) || duration < TimeSpan.Zero)
        {
            throw new UsageException($"invalid {option} '{text}': expected a duration such as 0s, 10s or 1m");
        }

        return duration;
    }

    public static int PositiveInteger(string option, string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new UsageException($"invalid {option} '{text}': expected a whole number of 1 or more");
        }

        return value;
    }

    public static double PositiveNumber(string option, string text)
    {
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value <= 0)
        {
            throw new UsageException($"invalid {option} '{text}': expected a number more than 0, e.g. 50 or 0.5");
        }

        return value;
    }

    /// <summary>
    /// A wall-clock instant with an explicit offset (<c>2025-06-01T09:00:00Z</c>, <c>2025-06-01T11:00:00+02:00</c>):
    /// segments started on several hosts must agree on it whatever their time zone.
    /// </summary>
    public static DateTimeOffset Instant(string option, string text)
    {
        var trimmed = text.Trim();
        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            || parsed.Kind == DateTimeKind.Unspecified
            || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new UsageException($"invalid {option} '{text}': expected an ISO 8601 time with its offset, e.g. 2025-06-01T09:00:00Z");
        }

        return instant;
    }

    public static ExecutionSegment Segment(string option, string text)
    {
        if (!ExecutionSegment.TryParse(text, out var segment))
        {
            throw new UsageException($"invalid {option} '{text}': expected i/n with 1 <= i <= n, e.g. 2/4");
        }

        return segment;
    }
}
