using System.Globalization;
using System.Text.Json.Serialization;
using HdrHistogram;
using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Reports;

/// <summary>
/// The stats block of report.json: what the whole run (<c>totals</c>), a scenario or a step did. <see cref="Histogram"/>
/// holds every latency (HdrHistogram, microseconds, compressed and base64), so blocks of several reports add exactly;
/// <see cref="LatencyMs"/> is derived from it. <see cref="Rps"/> is over the report's <c>durationSeconds</c>.
/// </summary>
public record ReportStats
{
    [JsonConstructor]
    public ReportStats()
    {
    }

    public required long Requests { get; init; }
    public required long Ok { get; init; }
    public required long Failed { get; init; }

    /// <summary>Failed requests as a fraction of all, 0 to 1.</summary>
    public required double FailRate { get; init; }

    /// <summary>Requests per second over the report's duration.</summary>
    public required double Rps { get; init; }

    public required long BytesSent { get; init; }
    public required long BytesReceived { get; init; }

    /// <summary>Requests slower than the histograms track (5 minutes), recorded as 5 minutes.</summary>
    public required long ClampedLatencies { get; init; }

    public required ReportLatency LatencyMs { get; init; }

    /// <summary>Requests by HTTP status code ("0" for a code outside 100..599); keys sorted.</summary>
    public required IReadOnlyDictionary<string, long> StatusCodes { get; init; }

    /// <summary>Failed requests by reason; keys sorted.</summary>
    public required IReadOnlyDictionary<string, long> FailuresByReason { get; init; }

    /// <summary>Every latency, in microseconds: HdrHistogram's compressed V2 encoding, base64 (<see cref="HistogramCodec"/>).</summary>
    public required string Histogram { get; init; }

    /// <summary>A block from counts and the histogram they were recorded in; latencies come from the histogram.</summary>
    public static ReportStats From(StatsSnapshot counts, HistogramBase histogram, double durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return From(counts.Ok, counts.Failed, counts.BytesSent, counts.BytesReceived, counts.ClampedLatencies,
            counts.StatusCodes.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value),
            counts.FailuresByReason, histogram, durationSeconds);
    }

    internal static ReportStats From(long ok, long failed, long bytesSent, long bytesReceived, long clamped,
        IEnumerable<KeyValuePair<string, long>> statusCodes, IEnumerable<KeyValuePair<string, long>> failuresByReason,
        HistogramBase histogram, double durationSeconds)
    {
        var requests = ok + failed;
        return new ReportStats
        {
            Requests = requests,
            Ok = ok,
            Failed = failed,
            FailRate = requests == 0 ? 0 : (double)failed / requests,
            Rps = durationSeconds <= 0 ? 0 : requests / durationSeconds,
            BytesSent = bytesSent,
            BytesReceived = bytesReceived,
            ClampedLatencies = clamped,
            LatencyMs = ReportLatency.From(LatencySummaries.From(histogram)),
            StatusCodes = Sorted(statusCodes),
            FailuresByReason = Sorted(failuresByReason),
            Histogram = HistogramCodec.Encode(histogram),
        };
    }

    /// <summary>The snapshot thresholds are judged on: counts from this block, latencies from its histogram.</summary>
    internal StatsSnapshot ToSnapshot(string? scenario, string? step, double durationSeconds, HistogramBase histogram)
    {
        var statuses = new Dictionary<int, long>();
        foreach (var (code, count) in StatusCodes)
        {
            statuses[int.Parse(code, NumberStyles.None, CultureInfo.InvariantCulture)] = count;
        }

        return new StatsSnapshot(scenario, step, Ok, Failed, FailuresByReason, statuses, BytesSent, BytesReceived,
            durationSeconds, LatencySummaries.From(histogram))
        {
            ClampedLatencies = ClampedLatencies,
        };
    }

    /// <summary>A string-keyed count map in key order (status codes sort numerically), so reports diff cleanly.</summary>
    internal static SortedDictionary<string, long> Sorted(IEnumerable<KeyValuePair<string, long>> counts)
    {
        var sorted = new SortedDictionary<string, long>(KeyOrder.Instance);
        foreach (var (key, count) in counts)
        {
            sorted[key] = sorted.GetValueOrDefault(key) + count;
        }

        return sorted;
    }

    /// <summary>Numbers by value (so "200" before "1000"), then text ordinally.</summary>
    private sealed class KeyOrder : IComparer<string>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var xNumber = long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var a);
            var yNumber = long.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var b);
            return xNumber && yNumber ? a.CompareTo(b) : xNumber != yNumber ? (xNumber ? -1 : 1) : string.CompareOrdinal(x, y);
        }
    }
}
