using HdrHistogram;

namespace OdooPerf.Load.Stats;

/// <summary>Everything a snapshot is made of, for one step or summed over several (a scenario, the run).</summary>
internal sealed class StatsAccumulator
{
    public LongHistogram Histogram { get; } = LatencyHistogram.Create();
    public long Ok { get; private set; }
    public long Failed { get; private set; }
    public long BytesSent { get; private set; }
    public long BytesReceived { get; private set; }
    public long Clamped { get; private set; }
    public Dictionary<string, long> Reasons { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, long> Statuses { get; } = [];
    public List<FailureMessage> Messages { get; } = [];
    public Dictionary<string, long> OtherMessages { get; } = new(StringComparer.Ordinal);

    public void Add(StepCounters counters, FailureReasonTable reasons)
    {
        Ok += counters.Ok;
        Failed += counters.Failed;
        BytesSent += counters.BytesSent;
        BytesReceived += counters.BytesReceived;
        Clamped += counters.Clamped;
        for (var code = 0; code < counters.Statuses.Length; code++)
        {
            if (counters.Statuses[code] != 0)
            {
                Statuses[code] = Statuses.GetValueOrDefault(code) + counters.Statuses[code];
            }
        }

        foreach (var (reason, count) in reasons.ToDictionary(counters.Reasons))
        {
            Reasons[reason] = Reasons.GetValueOrDefault(reason) + count;
        }
    }

    public void Add(IReadOnlyList<FailureMessage> messages, IReadOnlyDictionary<string, long> otherMessages)
    {
        Messages.AddRange(messages);
        foreach (var (reason, count) in otherMessages)
        {
            OtherMessages[reason] = OtherMessages.GetValueOrDefault(reason) + count;
        }
    }

    public void Add(StatsAccumulator other)
    {
        Add(other.Messages, other.OtherMessages);
        Histogram.Add(other.Histogram);
        Ok += other.Ok;
        Failed += other.Failed;
        BytesSent += other.BytesSent;
        BytesReceived += other.BytesReceived;
        Clamped += other.Clamped;
        foreach (var (code, count) in other.Statuses)
        {
            Statuses[code] = Statuses.GetValueOrDefault(code) + count;
        }

        foreach (var (reason, count) in other.Reasons)
        {
            Reasons[reason] = Reasons.GetValueOrDefault(reason) + count;
        }
    }

    public StatsSnapshot ToSnapshot(string? scenario, string? step, double durationSeconds) =>
        new(scenario, step, Ok, Failed, Reasons, Statuses, BytesSent, BytesReceived, durationSeconds,
            LatencySummaries.From(Histogram))
        {
            ClampedLatencies = Clamped,
            FailureMessages = FailureMessageCombiner.Combine(Messages),
            OtherFailureMessages = OtherMessages,
        };
}
