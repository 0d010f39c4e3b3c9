using System.Globalization;

namespace OdooPerf.Load.Simulations;

/// <summary>
/// The share of a run that this process executes, <c>i/n</c> (k6's execution segments): n processes started with
/// 1/n .. n/n together produce exactly the load of one process running it all. Users are split so the shares add up to
/// the whole at every moment (segment i has ⌊i·U/n⌋ − ⌊(i−1)·U/n⌋ of U users); open-model iterations are dealt out in
/// turn (segment i starts iterations i−1, i−1+n, …), so the merged timeline is the single run's timeline.
/// </summary>
public readonly record struct ExecutionSegment
{
    public ExecutionSegment(int index, int count)
    {
        if (count < 1 || index < 1 || index > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"{index}/{count}", "a segment is i/n with 1 <= i <= n");
        }

        Index = index;
        Count = count;
    }

    /// <summary>The whole run, 1/1.</summary>
    public static ExecutionSegment Whole { get; } = new(1, 1);

    /// <summary>1-based.</summary>
    public int Index { get; }

    public int Count { get; }

    public bool IsWhole => Count == 1;

    /// <summary>This segment's share of <paramref name="users"/> users (shares of all segments add up to it exactly).</summary>
    public int ShareOf(int users) => (int)((long)Index * users / Count - (long)(Index - 1) * users / Count);

    /// <summary>Whether the <paramref name="arrival"/>-th open-model iteration (0-based) of the whole run is this segment's.</summary>
    public bool Owns(long arrival) => arrival % Count == Index - 1;

    public static bool TryParse(string? text, out ExecutionSegment segment)
    {
        segment = Whole;
        var parts = text?.Split('/');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index < 1 || index > count)
        {
            return false;
        }

        segment = new ExecutionSegment(index, count);
        return true;
    }

    public override string ToString() => $"{Index}/{Count}";
}
