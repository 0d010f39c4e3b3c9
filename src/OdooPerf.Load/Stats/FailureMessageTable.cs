using System.Collections.Concurrent;

namespace OdooPerf.Load.Stats;

/// <summary>
/// The distinct messages of one step's failures, by reason, with their counts and when each was first seen. Virtual
/// users record concurrently: a message already seen costs one lock-free dictionary lookup (hashing the message in
/// place) and an interlocked increment; a new one takes a lock once to be cleaned and stored. Past the step's or the
/// run's limit (<see cref="FailureMessageLimits"/>) a failure is counted in its reason's "other messages", so the
/// counts still add up to the failures that carried a message.
/// </summary>
internal sealed class FailureMessageTable
{
    private readonly string _scenario;
    private readonly string _step;
    private readonly FailureReasonTable _reasons;
    private readonly FailureMessageLimits _limits;
    private readonly FailureMessageBudget _budget;
    private readonly Func<string, string>? _redact;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<Key, Entry> _entries;
    private readonly long[] _otherBySlot;
    private readonly Lock _addLock = new();
    private int _count;
    private volatile bool _full;

    public FailureMessageTable(string scenario, string step, FailureReasonTable reasons, FailureMessageLimits limits,
        FailureMessageBudget budget, Func<string, string>? redact, TimeProvider clock)
    {
        _scenario = scenario;
        _step = step;
        _reasons = reasons;
        _limits = limits;
        _budget = budget;
        _redact = redact;
        _clock = clock;
        _entries = new ConcurrentDictionary<Key, Entry>(new KeyComparer(limits.MaxLength));
        _otherBySlot = new long[reasons.SlotCount];
        _full = limits.MaxPerStep == 0;
    }

    /// <param name="reasonSlot">The failure's slot in the step's <see cref="FailureReasonTable"/>.</param>
    /// <param name="at">When the failure happened; now when null.</param>
    public void Record(int reasonSlot, string message, DateTimeOffset? at = null)
    {
        var key = new Key(reasonSlot, message);
        if (_entries.TryGetValue(key, out var entry))
        {
            Interlocked.Increment(ref entry.Count);
            return;
        }

        if (_full)
        {
            // Every insert happened before _full was set, so this second look sees them all: a message another user
            // stored while this one looked is counted as that message, not as "other".
            if (_entries.TryGetValue(key, out entry))
            {
                Interlocked.Increment(ref entry.Count);
            }
            else
            {
                Interlocked.Increment(ref _otherBySlot[reasonSlot]);
            }

            return;
        }

        lock (_addLock)
        {
            if (_entries.TryGetValue(key, out entry))
            {
                Interlocked.Increment(ref entry.Count);
                return;
            }

            if (_full || !_budget.TryTake())
            {
                // The run's room is spent: this step can add no more either, and stops taking the lock.
                _full = true;
                Interlocked.Increment(ref _otherBySlot[reasonSlot]);
                return;
            }

            var text = FailureMessageText.Clean(message, _limits.MaxLength, _redact);
            _entries[key] = new Entry(_count, _reasons.NameOf(reasonSlot), text, at ?? _clock.GetUtcNow()) { Count = 1 };
            _count++;
            _full = _count >= _limits.MaxPerStep;
        }
    }

    /// <summary>The messages so far, first seen first; failures over the limits by reason.</summary>
    public (IReadOnlyList<FailureMessage> Messages, IReadOnlyDictionary<string, long> Other) Collect()
    {
        var messages = _entries.Values
            .OrderBy(e => e.Order)
            .Select(e => new FailureMessage(_scenario, _step, e.Reason, e.Text, Interlocked.Read(ref e.Count), e.FirstAt))
            .ToArray();
        var other = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var slot = 0; slot < _otherBySlot.Length; slot++)
        {
            var count = Interlocked.Read(ref _otherBySlot[slot]);
            if (count != 0)
            {
                var reason = _reasons.NameOf(slot);
                other[reason] = other.GetValueOrDefault(reason) + count;
            }
        }

        return (messages, other);
    }

    private readonly record struct Key(int ReasonSlot, string Message);

    private sealed class KeyComparer(int maxLength) : IEqualityComparer<Key>
    {
        public bool Equals(Key x, Key y) =>
            x.ReasonSlot == y.ReasonSlot && (ReferenceEquals(x.Message, y.Message) || FailureMessageText.SameMessage(x.Message, y.Message, maxLength));

        public int GetHashCode(Key key) => HashCode.Combine(key.ReasonSlot, FailureMessageText.HashOf(key.Message, maxLength));
    }

    private sealed class Entry(int order, string reason, string text, DateTimeOffset firstAt)
    {
        public long Count;

        public int Order { get; } = order;

        public string Reason { get; } = reason;

        public string Text { get; } = text;

        public DateTimeOffset FirstAt { get; } = firstAt;
    }
}
