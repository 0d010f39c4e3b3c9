using System.Collections.Concurrent;
using HdrHistogram;

namespace OdooPerf.Load.Stats;

/// <summary>
/// All the stats of one run: a <see cref="StepStats"/> per step of each scenario, a <see cref="ConcurrencyGauge"/> per
/// scenario, snapshots at any moment (per step, per scenario, for the run) and the time series. The runner calls
/// <see cref="CloseDueIntervals"/> from its periodic tick (once a second is plenty) and <see cref="Complete"/> at the
/// end; the clock is a <see cref="TimeProvider"/> so tests drive time by hand.
/// </summary>
public sealed class RunStats
{
    private readonly RunStatsOptions _options;
    private readonly TimeProvider _clock;
    private readonly long _startTimestamp;
    private readonly ConcurrentDictionary<(string Scenario, string Step), StepStats> _steps = new();
    private readonly ConcurrentDictionary<string, ConcurrencyGauge> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IterationCounter> _iterations = new(StringComparer.Ordinal);
    private readonly FailureMessageBudget _messageBudget;

    // Registration order, so reports list steps and scenarios as the scenario declared them.
    private readonly List<StepStats> _stepOrder = [];
    private readonly List<string> _scenarioOrder = [];
    private readonly Lock _registrationLock = new();

    private readonly Lock _seriesLock = new();
    private readonly List<IntervalPoint> _points = [];
    private readonly LongHistogram _runInterval = LatencyHistogram.Create();
    private readonly Dictionary<string, LongHistogram> _scenarioIntervals = new(StringComparer.Ordinal);
    private TimeSpan _interval;
    private TimeSpan _intervalStart;
    private TimeSpan? _completedAt;
    private int _peakIntervalUsers;

    public RunStats(RunStatsOptions? options = null, TimeProvider? clock = null)
    {
        _options = options ?? new RunStatsOptions();
        _options.Validate();
        _clock = clock ?? TimeProvider.System;
        _messageBudget = new FailureMessageBudget(_options.FailureMessages.MaxPerRun);
        _interval = _options.Interval;
        _startTimestamp = _clock.GetTimestamp();
        StartedAt = _clock.GetUtcNow();
    }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Time since the start, frozen by <see cref="Complete"/>.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_seriesLock)
            {
                return _completedAt ?? Now();
            }
        }
    }

    /// <summary>The current interval length: <see cref="RunStatsOptions.Interval"/>, doubled each time the series was widened.</summary>
    public TimeSpan Interval
    {
        get
        {
            lock (_seriesLock)
            {
                return _interval;
            }
        }
    }

    /// <summary>
    /// The most users running at once: the larger of the highest interval sum of the scenarios' maxima and the users
    /// running now.
    /// </summary>
    public int PeakUsers
    {
        get
        {
            var now = _users.Values.Sum(g => g.Current);
            var single = _users.Values.Select(g => g.Peak).DefaultIfEmpty(0).Max();
            lock (_seriesLock)
            {
                return Math.Max(Math.Max(_peakIntervalUsers, now), single);
            }
        }
    }

    /// <summary>The time series so far (closed intervals only).</summary>
    public IReadOnlyList<IntervalPoint> Intervals
    {
        get
        {
            lock (_seriesLock)
            {
                return _points.ToArray();
            }
        }
    }

    /// <summary>The recorder of a step; get it once per step and keep it (this is a dictionary lookup).</summary>
    public StepStats Step(string scenario, string step)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenario);
        ArgumentException.ThrowIfNullOrEmpty(step);
        if (_steps.TryGetValue((scenario, step), out var existing))
        {
            return existing;
        }

        lock (_registrationLock)
        {
            if (_steps.TryGetValue((scenario, step), out existing))
            {
                return existing;
            }

            var created = new StepStats(scenario, step, _options, _messageBudget, _clock);
            RegisterScenario(scenario);
            _stepOrder.Add(created);
            _steps[(scenario, step)] = created;
            return created;
        }
    }

    /// <summary>The users gauge of a scenario, which the runner keeps up to date.</summary>
    public ConcurrencyGauge Users(string scenario)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenario);
        if (_users.TryGetValue(scenario, out var gauge))
        {
            return gauge;
        }

        lock (_registrationLock)
        {
            RegisterScenario(scenario);
            return _users.GetOrAdd(scenario, _ => new ConcurrencyGauge());
        }
    }

    /// <summary>The iteration counter (started, dropped) of a scenario, which the runner keeps up to date.</summary>
    public IterationCounter Iterations(string scenario)
    {
        ArgumentException.ThrowIfNullOrEmpty(scenario);
        if (_iterations.TryGetValue(scenario, out var counter))
        {
            return counter;
        }

        lock (_registrationLock)
        {
            RegisterScenario(scenario);
            return _iterations.GetOrAdd(scenario, _ => new IterationCounter());
        }
    }

    /// <summary>Iterations dropped so far, all scenarios.</summary>
    public long DroppedIterations => _iterations.Values.Sum(c => c.Dropped);

    /// <summary>
    /// Every snapshot thresholds can address: the run, each scenario, each step (what
    /// <see cref="Thresholds.ThresholdEvaluator"/> and <see cref="Thresholds.AbortOnFailWatch"/> take).
    /// </summary>
    public IReadOnlyList<StatsSnapshot> AllSnapshots()
    {
        var steps = StepSnapshots();
        var all = new List<StatsSnapshot>(steps.Count + 8) { Snapshot() };
        all.AddRange(Scenarios().Select(Snapshot));
        all.AddRange(steps);
        return all;
    }

    /// <summary>The whole run so far.</summary>
    public StatsSnapshot Snapshot() => Collect(Steps()).ToSnapshot(null, null, Elapsed.TotalSeconds);

    /// <summary>One scenario so far: all its steps merged (empty if it recorded nothing).</summary>
    public StatsSnapshot Snapshot(string scenario) =>
        Collect(Steps().Where(s => s.Scenario == scenario)).ToSnapshot(scenario, null, Elapsed.TotalSeconds);

    /// <summary>One step so far (empty if it recorded nothing).</summary>
    public StatsSnapshot Snapshot(string scenario, string step) =>
        Collect(Steps().Where(s => s.Scenario == scenario && s.Step == step)).ToSnapshot(scenario, step, Elapsed.TotalSeconds);

    /// <summary>Every step, in the order they were first used.</summary>
    public IReadOnlyList<StatsSnapshot> StepSnapshots()
    {
        var seconds = Elapsed.TotalSeconds;
        return Steps().Select(s => s.Collect().ToSnapshot(s.Scenario, s.Step, seconds)).ToArray();
    }

    /// <summary>Every scenario that used a step or a users gauge, in the order they were first used.</summary>
    public IReadOnlyList<string> Scenarios()
    {
        lock (_registrationLock)
        {
            return _scenarioOrder.ToArray();
        }
    }

    /// <summary>
    /// A copy of the latency histogram (microseconds) of the run, a scenario (<paramref name="step"/> null) or a step,
    /// for <see cref="HistogramCodec.Encode"/>.
    /// </summary>
    public LongHistogram Histogram(string? scenario = null, string? step = null) =>
        Collect(Steps().Where(s => (scenario is null || s.Scenario == scenario) && (step is null || s.Step == step))).Histogram;

    /// <summary>Closes the current interval if its end has come; true when it did.</summary>
    public bool CloseDueIntervals()
    {
        lock (_seriesLock)
        {
            if (_completedAt is not null)
            {
                return false;
            }

            var now = Now();
            if (now < _intervalStart + _interval)
            {
                return false;
            }

            // A late tick (a stalled runner) makes one longer interval rather than invented empty ones; the point
            // carries its real span, so throughput stays right.
            CloseInterval(now);
            return true;
        }
    }

    /// <summary>
    /// Ends the run: closes the last, partial interval and freezes <see cref="Elapsed"/>. Requests still recorded
    /// afterwards (in flight at the end) count in snapshots but not in the series.
    /// </summary>
    public void Complete()
    {
        lock (_seriesLock)
        {
            if (_completedAt is not null)
            {
                return;
            }

            var now = Now();
            if (now > _intervalStart)
            {
                CloseInterval(now);
            }

            _completedAt = now;
        }
    }

    private void CloseInterval(TimeSpan end)
    {
        var seconds = (end - _intervalStart).TotalSeconds;
        var steps = Steps();
        var stats = new List<IntervalStats>(steps.Count * 2 + 1);
        var scenarioTotals = new Dictionary<string, (long Requests, long Failed)>(StringComparer.Ordinal);
        _runInterval.Reset();
        foreach (var histogram in _scenarioIntervals.Values)
        {
            histogram.Reset();
        }

        foreach (var step in steps)
        {
            if (!_scenarioIntervals.TryGetValue(step.Scenario, out var scenarioHistogram))
            {
                scenarioHistogram = LatencyHistogram.Create();
                _scenarioIntervals[step.Scenario] = scenarioHistogram;
            }

            var point = step.CloseInterval(seconds, scenarioHistogram, _runInterval);
            stats.Add(point);
            var (requests, failed) = scenarioTotals.GetValueOrDefault(step.Scenario);
            scenarioTotals[step.Scenario] = (requests + point.Requests, failed + point.Failed);
        }

        long runRequests = 0;
        long runFailed = 0;
        foreach (var (scenario, (requests, failed)) in scenarioTotals)
        {
            stats.Add(IntervalStats.From(scenario, null, requests, failed, seconds, _scenarioIntervals[scenario], keepHistogram: true));
            runRequests += requests;
            runFailed += failed;
        }

        stats.Add(IntervalStats.From(null, null, runRequests, runFailed, seconds, _runInterval, keepHistogram: true));

        var users = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (scenario, gauge) in _users)
        {
            users[scenario] = gauge.TakeIntervalMax();
        }

        var dropped = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (scenario, counter) in _iterations)
        {
            dropped[scenario] = counter.TakeIntervalDropped();
        }

        var closed = new IntervalPoint(StartedAt + _intervalStart, StartedAt + end, stats, users, dropped);
        _peakIntervalUsers = Math.Max(_peakIntervalUsers, closed.Users);
        _points.Add(closed);
        _intervalStart = end;
        if (_points.Count >= _options.MaxIntervals)
        {
            Widen();
        }
    }

    private void Widen()
    {
        var widened = new List<IntervalPoint>(_points.Count / 2 + 1);
        for (var i = 0; i + 1 < _points.Count; i += 2)
        {
            widened.Add(IntervalPoint.Widen(_points[i], _points[i + 1]));
        }

        if (_points.Count % 2 == 1)
        {
            widened.Add(_points[^1]);
        }

        _points.Clear();
        _points.AddRange(widened);
        _interval += _interval;
    }

    private IReadOnlyList<StepStats> Steps()
    {
        lock (_registrationLock)
        {
            return _stepOrder.ToArray();
        }
    }

    private static StatsAccumulator Collect(IEnumerable<StepStats> steps)
    {
        var total = new StatsAccumulator();
        foreach (var step in steps)
        {
            total.Add(step.Collect());
        }

        return total;
    }

    private void RegisterScenario(string scenario)
    {
        if (!_scenarioOrder.Contains(scenario))
        {
            _scenarioOrder.Add(scenario);
        }
    }

    private TimeSpan Now() => _clock.GetElapsedTime(_startTimestamp);
}
