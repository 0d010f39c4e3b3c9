using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Reports;

/// <summary>
/// The failure messages of a merged report. Each step's messages from every segment are combined (the same reason and
/// message: counts add, the earliest keeps its text and time), then limited as a run's are
/// (<see cref="FailureMessageLimits.Default"/>, the earliest first, per step and then per run). What no longer fits
/// is counted in its step's <c>otherFailureMessages</c>, with the segments' own, so no failure drops out of the counts.
/// Reports written before messages were kept have none and merge as such.
/// </summary>
internal static class FailureMessageMerge
{
    public static Dictionary<(string Scenario, string Step), (FailureMessageReport[] Messages, SortedDictionary<string, long> Other)> Merge(
        IEnumerable<LoadReport> reports)
    {
        var limits = FailureMessageLimits.Default;
        var messages = new Dictionary<(string, string), List<FailureMessage>>();
        var other = new Dictionary<(string, string), List<KeyValuePair<string, long>>>();
        foreach (var report in reports)
        {
            foreach (var scenario in report.Scenarios)
            {
                foreach (var step in scenario.Steps)
                {
                    var key = (scenario.Name, step.Name);
                    Bucket(messages, key).AddRange(step.FailureMessages.Select(m => m.ToMessage(scenario.Name, step.Name)));
                    Bucket(other, key).AddRange(step.OtherFailureMessages);
                }
            }
        }

        var combined = messages.Values.SelectMany(m => FailureMessageCombiner.Combine(m, limits));
        var kept = FailureMessageCombiner.Limit(combined, limits, out var dropped);
        foreach (var message in dropped)
        {
            Bucket(other, (message.Scenario, message.Step)).Add(new(message.Reason, message.Count));
        }

        return other.Keys.ToDictionary(
            key => key,
            key => (FailureMessageReports.ForStep(kept.Where(m => (m.Scenario, m.Step) == key)), ReportStats.Sorted(other[key])));
    }

    private static List<T> Bucket<T>(Dictionary<(string, string), List<T>> buckets, (string, string) key)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = [];
            buckets[key] = bucket;
        }

        return bucket;
    }
}
