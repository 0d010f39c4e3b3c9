namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// Statistics per UTF-8 key (a model and method, a path, an exception) with a cap on distinct keys: once
/// full, new keys go to <see cref="Other"/>, so a log with millions of distinct paths cannot exhaust memory.
/// </summary>
internal sealed class BoundedTable<T>
    where T : class
{
    private readonly Dictionary<byte[], T> _entries = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<byte[], T>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly Func<T> _create;

    public BoundedTable(int capacity, Func<T> create)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _create = create;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        Other = create();
    }

    public int Capacity { get; }

    /// <summary>Where keys beyond <see cref="Capacity"/> are counted.</summary>
    public T Other { get; }

    public int Count => _entries.Count;

    public IEnumerable<KeyValuePair<byte[], T>> Entries => _entries;

    /// <summary>The entry for <paramref name="key"/>, created on first sight; <see cref="Other"/> when the table is full.</summary>
    public T Get(ReadOnlySpan<byte> key) => Get(key, out _);

    /// <summary>As <see cref="Get(ReadOnlySpan{byte})"/>; <paramref name="created"/> tells a caller when to fill in the new entry.</summary>
    public T Get(ReadOnlySpan<byte> key, out bool created)
    {
        created = false;
        if (_lookup.TryGetValue(key, out var value))
        {
            return value;
        }

        if (_entries.Count >= Capacity)
        {
            return Other;
        }

        value = _create();
        _lookup[key] = value;
        created = true;
        return value;
    }
}
