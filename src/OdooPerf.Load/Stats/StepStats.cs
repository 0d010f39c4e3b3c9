using HdrHistogram;

namespace OdooPerf.Load.Stats;

/// <summary>
/// Records the requests of one step of one scenario; virtual users call <see cref="RecordOk"/> and
/// <c>RecordFailure</c> concurrently. Get one from <see cref="RunStats.Step"/> once and keep it: recording does no
/// lookup and allocates nothing, except that a failure's message is looked up once among the step's messages
/// (<see cref="FailureMessageTable"/>). Latencies go into an HdrHistogram at microsecond resolution; above 5 minutes
/// they are recorded as 5 minutes and counted in <see cref="StatsSnapshot.ClampedLatencies"/>.
/// </summary>
public sealed class StepStats
{
    // More stripes than processors buys nothing: two threads on one processor never record at the same instant.
    private const int MaxStripes = 8;

    private readonly StepStripe[] _stripes;
    private readonly int _stripeMask;
    private readonly FailureReasonTable _reasons;
    private readonly FailureMessageTable _messages;

    // Readers (snapshots, interval closes) take this lock, then each stripe's lock in turn; writers take one stripe's.
    private readonly Lock _readLock = new();
    private readonly LongHistogram _closedHistogram = LatencyHistogram.Create();
    private readonly IntHistogram _intervalHistogram = LatencyHistogram.CreateCompact();
    private long _requestsAtLastClose;
    private long _failedAtLastClose;

    private readonly IStepRecord? _listener;

    internal StepStats(string scenario, string step, RunStatsOptions options, FailureMessageBudget messageBudget, TimeProvider clock)
    {
        _listener = options.RecordListener?.ForStep(scenario, step);
        Scenario = scenario;
        Step = step;
        _reasons = new FailureReasonTable(options.MaxFailureReasons);
        _messages = new FailureMessageTable(scenario, step, _reasons, options.FailureMessages, messageBudget, options.FailureMessageRedactor, clock);
        var stripeCount = (int)Math.Min(MaxStripes, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount));
        _stripeMask = stripeCount - 1;
        _stripes = new StepStripe[stripeCount];
        for (var i = 0; i < stripeCount; i++)
        {
            _stripes[i] = new StepStripe(_reasons.SlotCount);
        }
    }

    public string Scenario { get; }

    public string Step { get; }

    public void RecordOk(TimeSpan latency, int? statusCode = null, long bytesSent = 0, long bytesReceived = 0) =>
        Record(latency, reasonSlot: -1, statusCode, bytesSent, bytesReceived);

    /// <summary>
    /// A failed request. Give reasons from a small fixed set ("timeout", "http_500", "access_denied"): beyond the
    /// configured number of distinct reasons per step, new ones are counted as "other". <paramref name="message"/> is
    /// what the server said, in a sentence ("The order is already confirmed."): kept once per distinct message with
    /// a count, bounded (<see cref="RunStatsOptions.FailureMessages"/>), secrets masked; null or empty for none.
    /// </summary>
    public void RecordFailure(TimeSpan latency, string reason, int? statusCode = null, long bytesSent = 0, long bytesReceived = 0, string? message = null) =>
        RecordFailure(latency, reason, statusCode, bytesSent, bytesReceived, message, at: null);

    /// <summary>A failure that happened at <paramref name="at"/> (now when null): a scenario init's, recorded later.</summary>
    internal void RecordFailure(TimeSpan latency, string reason, int? statusCode, long bytesSent, long bytesReceived, string? message, DateTimeOffset? at)
    {
        var slot = _reasons.SlotOf(reason);
        Record(latency, slot, statusCode, bytesSent, bytesReceived);
        if (!string.IsNullOrEmpty(message))
        {
            _messages.Record(slot, message, at);
        }
    }

    private void Record(TimeSpan latency, int reasonSlot, int? statusCode, long bytesSent, long bytesReceived)
    {
        var microseconds = LatencyHistogram.ToMicroseconds(latency);
        var clamped = microseconds > LatencyHistogram.HighestTrackableMicroseconds;
        if (clamped)
        {
            microseconds = LatencyHistogram.HighestTrackableMicroseconds;
        }

        var stripe = _stripes[Thread.GetCurrentProcessorId() & _stripeMask];
        lock (stripe.Lock)
        {
            stripe.Histogram.RecordValue(microseconds);
            var counters = stripe.Counters;
            if (reasonSlot < 0)
            {
                counters.Ok++;
            }
            else
            {
                counters.Failed++;
                counters.Reasons[reasonSlot]++;
            }

            if (statusCode is { } code)
            {
                counters.Statuses[StepCounters.StatusSlot(code)]++;
            }

            counters.BytesSent += bytesSent;
            counters.BytesReceived += bytesReceived;
            if (clamped)
            {
                counters.Clamped++;
            }
        }

        _listener?.Recorded(microseconds, reasonSlot < 0 ? null : _reasons.NameOf(reasonSlot));
    }

    /// <summary>Everything recorded so far, as a consistent copy.</summary>
    internal StatsAccumulator Collect()
    {
        var result = new StatsAccumulator();
        lock (_readLock)
        {
            result.Histogram.Add(_closedHistogram);
            var counters = new StepCounters(_reasons.SlotCount);
            foreach (var stripe in _stripes)
            {
                lock (stripe.Lock)
                {
                    result.Histogram.Add(stripe.Histogram);
                    stripe.Counters.AddTo(counters);
                }
            }

            result.Add(counters, _reasons);
        }

        var (messages, other) = _messages.Collect();
        result.Add(messages, other);
        return result;
    }

    /// <summary>
    /// Ends the current interval: its latencies are added to <paramref name="intervalTargets"/> and move from the
    /// stripes into the step's closed total. Returns the interval's request and failure counts and percentiles.
    /// </summary>
    internal IntervalStats CloseInterval(double durationSeconds, params ReadOnlySpan<HistogramBase> intervalTargets)
    {
        lock (_readLock)
        {
            _intervalHistogram.Reset();
            long requests = 0;
            long failed = 0;
            foreach (var stripe in _stripes)
            {
                lock (stripe.Lock)
                {
                    // Counters stay cumulative (snapshots need them); only the histogram is emptied.
                    _intervalHistogram.Add(stripe.Histogram);
                    stripe.Histogram.Reset();
                    requests += stripe.Counters.Ok + stripe.Counters.Failed;
                    failed += stripe.Counters.Failed;
                }
            }

            _closedHistogram.Add(_intervalHistogram);
            foreach (var target in intervalTargets)
            {
                target.Add(_intervalHistogram);
            }

            var point = IntervalStats.From(Scenario, Step, requests - _requestsAtLastClose, failed - _failedAtLastClose,
                durationSeconds, _intervalHistogram);
            _requestsAtLastClose = requests;
            _failedAtLastClose = failed;
            return point;
        }
    }
}
