using System.Text;
using System.Text.Unicode;
using Prometheus;

namespace OdooPerf.Collector.OdooLog;

/// <summary>
/// Bounds a label whose values come from the log (a model, a method, a logger, a cron job, an exception
/// type): at most <c>capacity</c> distinct values get a label of their own, everything else reads
/// <see cref="Other"/>. A value is admitted only once it has been seen <c>admitAfter</c> times, so the
/// slots go to values that recur (the busiest models appear within minutes of traffic) and not to one-off
/// junk such as a scanner probing made-up URLs. Admitted values keep their slot until the daemon restarts:
/// removing a counter series would make its past disappear from rate() windows.
/// Observations folded into <see cref="Other"/> are counted in <c>odooperf_label_values_folded_total{metric,label}</c>.
/// </summary>
public sealed class LabelValueFolder
{
    public const string Other = "other";

    private const int MaxValueBytes = 128;

    private readonly object _lock = new();
    private readonly int _capacity;
    private readonly int _admitAfter;
    private readonly Counter.Child _folded;

    // Both keyed by the value's text; the alternate lookup finds a span's string without allocating.
    private readonly Dictionary<string, string> _admitted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _candidates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _admittedBySpan;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _candidatesBySpan;

    public LabelValueFolder(int capacity, int admitAfter, Counter folded, string metric, string label)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(admitAfter, 1);
        _capacity = capacity;
        _admitAfter = admitAfter;
        _folded = folded.WithLabels(metric, label);
        _admittedBySpan = _admitted.GetAlternateLookup<ReadOnlySpan<char>>();
        _candidatesBySpan = _candidates.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The label value for a UTF-8 value from the log: the value itself once admitted, else <see cref="Other"/>.
    /// An empty value stays empty (the label is absent, e.g. no model on a static request).</summary>
    public string Fold(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxValueBytes || !Utf8.IsValid(utf8))
        {
            _folded.Inc();
            return Other;
        }

        Span<char> chars = stackalloc char[MaxValueBytes];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return Fold(chars[..length]);
    }

    public string Fold(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        lock (_lock)
        {
            if (_admittedBySpan.TryGetValue(value, out var admitted))
            {
                return admitted;
            }

            if (_admitted.Count < _capacity && value.Length <= MaxValueBytes)
            {
                var seen = _candidatesBySpan.TryGetValue(value, out var count) ? count + 1 : 1;
                if (seen >= _admitAfter)
                {
                    var text = value.ToString();
                    _candidates.Remove(text);
                    _admitted.Add(text, text);
                    return text;
                }

                // The candidate table is bounded too: when full, forget the candidates (all rare so far)
                // and start counting again.
                if (_candidates.Count >= _capacity * 8)
                {
                    _candidates.Clear();
                }

                _candidatesBySpan[value] = seen;
            }
        }

        _folded.Inc();
        return Other;
    }

    /// <summary>How many distinct values have a label of their own.</summary>
    public int AdmittedCount
    {
        get
        {
            lock (_lock)
            {
                return _admitted.Count;
            }
        }
    }
}
