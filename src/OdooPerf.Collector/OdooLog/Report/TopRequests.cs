namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// The <see cref="Capacity"/> requests with the highest score, in a min-heap: a request that does not beat
/// the lowest kept score is rejected before anything is copied out of the log line.
/// </summary>
internal sealed class TopRequests(int capacity)
{
    // Ties keep the earlier request: the sequence number breaks them in favour of the first seen.
    private readonly PriorityQueue<RequestSample, (double Score, long Sequence)> _heap = new();
    private long _sequence;

    public int Capacity { get; } = capacity;

    /// <summary>True when a request scoring <paramref name="score"/> would be kept.</summary>
    public bool Accepts(double score)
    {
        if (Capacity <= 0)
        {
            return false;
        }

        return _heap.Count < Capacity || (_heap.TryPeek(out _, out var lowest) && score > lowest.Score);
    }

    public void Add(double score, RequestSample sample)
    {
        // Later requests get lower priority among equal scores so they are evicted first.
        var priority = (score, -(_sequence++));
        if (_heap.Count < Capacity)
        {
            _heap.Enqueue(sample, priority);
        }
        else
        {
            _heap.EnqueueDequeue(sample, priority);
        }
    }

    /// <summary>Highest score first; equal scores in the order they were seen.</summary>
    public IReadOnlyList<RequestSample> Descending() =>
        [.. _heap.UnorderedItems.OrderByDescending(i => i.Priority.Score).ThenByDescending(i => i.Priority.Sequence).Select(i => i.Element)];
}
