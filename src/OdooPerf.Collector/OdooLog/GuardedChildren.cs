using OdooPerf.Collector.Scraping;

namespace OdooPerf.Collector.OdooLog;

/// <summary>
/// The label sets of one stream-fed family (a counter or histogram updated as log lines arrive), created
/// once and cached, within the <see cref="CardinalityGuard"/>'s limit: past it, observations go to the
/// label set whose every value is <see cref="LabelValueFolder.Other"/> and the refusal is counted in
/// <c>odooperf_series_dropped_total</c>. Thread-safe: several files feed the same families.
/// </summary>
public sealed class GuardedChildren<TChild>
    where TChild : class
{
    private readonly object _lock = new();
    private readonly Dictionary<LabelSet, TChild> _children = [];
    private readonly string _metric;
    private readonly int _labelCount;
    private readonly Func<string[], TChild> _create;
    private readonly CardinalityGuard _guard;
    private TChild? _overflow;

    public GuardedChildren(string metric, int labelCount, Func<string[], TChild> create, CardinalityGuard guard)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(labelCount, LabelSet.MaxLabels);
        _metric = metric;
        _labelCount = labelCount;
        _create = create;
        _guard = guard;
    }

    public TChild Get(string a, string b = "", string c = "", string d = "")
    {
        var key = new LabelSet(a, b, c, d);
        lock (_lock)
        {
            if (_children.TryGetValue(key, out var child))
            {
                return child;
            }

            if (!_guard.TryAdmit(_metric, _children.Count))
            {
                return _overflow ??= _create(Enumerable.Repeat(LabelValueFolder.Other, _labelCount).ToArray());
            }

            child = _create(key.ToArray(_labelCount));
            _children.Add(key, child);
            return child;
        }
    }

    private readonly record struct LabelSet(string A, string B, string C, string D)
    {
        public const int MaxLabels = 4;

        public string[] ToArray(int count) => new[] { A, B, C, D }[..count];
    }
}
