namespace OdooPerf.Load.Stats;

/// <summary>Plain counters of one stripe of a step; only touched under that stripe's lock.</summary>
internal sealed class StepCounters(int reasonSlots)
{
    /// <summary>HTTP status codes are 100 to 599; anything else (a custom protocol's code, a bug) is counted under 0.</summary>
    public const int StatusSlots = 600;

    public long Ok;
    public long Failed;
    public long BytesSent;
    public long BytesReceived;
    public long Clamped;
    public readonly long[] Statuses = new long[StatusSlots];
    public readonly long[] Reasons = new long[reasonSlots];

    public static int StatusSlot(int statusCode) => statusCode is >= 100 and < StatusSlots ? statusCode : 0;

    public void AddTo(StepCounters total)
    {
        total.Ok += Ok;
        total.Failed += Failed;
        total.BytesSent += BytesSent;
        total.BytesReceived += BytesReceived;
        total.Clamped += Clamped;
        for (var i = 0; i < Statuses.Length; i++)
        {
            total.Statuses[i] += Statuses[i];
        }

        for (var i = 0; i < Reasons.Length; i++)
        {
            total.Reasons[i] += Reasons[i];
        }
    }
}
