using System.Collections.Concurrent;

namespace OdooPerf.Load.Stats;

/// <summary>
/// Gives each distinct failure reason of a step a slot in a fixed-size count array, up to a cap; later new reasons all
/// share the <see cref="Other"/> slot. A scenario that puts an id or a timestamp in its reasons would otherwise grow
/// memory and the report without bound.
/// </summary>
internal sealed class FailureReasonTable
{
    public const string Other = "other";

    private readonly ConcurrentDictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Lock _addLock = new();
    private readonly string[] _names;
    private int _used;

    public FailureReasonTable(int maxReasons)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReasons, 1);
        MaxReasons = maxReasons;
        _names = new string[maxReasons + 1];
        _names[maxReasons] = Other;
    }

    public int MaxReasons { get; }

    /// <summary>Slots are 0..MaxReasons-1 for named reasons and MaxReasons for everything folded into "other".</summary>
    public int SlotCount => MaxReasons + 1;

    public int SlotOf(string? reason)
    {
        reason = string.IsNullOrEmpty(reason) ? "unknown" : reason;
        if (_slots.TryGetValue(reason, out var slot))
        {
            return slot;
        }

        lock (_addLock)
        {
            if (_slots.TryGetValue(reason, out slot))
            {
                return slot;
            }

            if (_used == MaxReasons || reason == Other)
            {
                return MaxReasons;
            }

            slot = _used;
            _names[slot] = reason;
            Volatile.Write(ref _used, _used + 1);
            _slots[reason] = slot;
            return slot;
        }
    }

    /// <summary>The reason a slot returned by <see cref="SlotOf"/> stands for.</summary>
    public string NameOf(int slot) => _names[slot];

    /// <summary>Non-zero counts by reason name.</summary>
    public Dictionary<string, long> ToDictionary(long[] countsBySlot)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        var used = Volatile.Read(ref _used);
        for (var slot = 0; slot < countsBySlot.Length; slot++)
        {
            if (countsBySlot[slot] != 0 && (slot < used || slot == MaxReasons))
            {
                result[_names[slot]] = countsBySlot[slot];
            }
        }

        return result;
    }
}
