using OdooPerf.Load.Simulations;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// The pause a user takes after each action (reading the screen, typing), uniformly random between
/// <see cref="Min"/> and <see cref="Max"/>. Written <c>1s-5s</c> or a single value (<c>2s</c>, <c>0</c>).
/// </summary>
internal sealed record ThinkTime(TimeSpan Min, TimeSpan Max)
{
    public static readonly ThinkTime Default = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

    public static readonly ThinkTime None = new(TimeSpan.Zero, TimeSpan.Zero);

    public static bool TryParse(string? text, out ThinkTime thinkTime)
    {
        thinkTime = None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // A dash separates the bounds; a single value has none (durations are never negative here).
        var dash = text.IndexOf('-', 1);
        if (dash < 0)
        {
            if (!TryParseBound(text, out var single))
            {
                return false;
            }

            thinkTime = new ThinkTime(single, single);
            return true;
        }

        if (!TryParseBound(text[..dash], out var min) || !TryParseBound(text[(dash + 1)..], out var max) || max < min)
        {
            return false;
        }

        thinkTime = new ThinkTime(min, max);
        return true;
    }

    public override string ToString() =>
        Min == Max ? DurationText.Format(Min) : $"{DurationText.Format(Min)}-{DurationText.Format(Max)}";

    private static bool TryParseBound(string text, out TimeSpan value)
    {
        var trimmed = text.Trim();
        if (trimmed == "0")
        {
            value = TimeSpan.Zero;
            return true;
        }

        return DurationText.TryParse(trimmed, out value) && value >= TimeSpan.Zero && value <= TimeSpan.FromHours(1);
    }
}
