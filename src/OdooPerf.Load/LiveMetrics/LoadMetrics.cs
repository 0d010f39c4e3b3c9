using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;
using Prometheus;

namespace OdooPerf.Load.LiveMetrics;

/// <summary>
/// The live Prometheus metrics of a load run (<see cref="LoadMetricNames"/>), in a registry of their own, so Grafana
/// shows the load next to the Odoo and PostgreSQL metrics it causes. Requests are counted as they are recorded (pass
/// this as <see cref="RunStatsOptions.RecordListener"/>); users, targets and iteration counters are read from the
/// run's <see cref="RunProgress"/> when scraped (<see cref="Attach"/>). Serve <see cref="Registry"/> with any
/// HTTP server (<see cref="CollectorRegistry.CollectAndExportAsTextAsync(Stream, ExpositionFormat, CancellationToken)"/>).
/// </summary>
public sealed class LoadMetrics : IStepRecordListener
{
    /// <summary>
    /// Distinct scenario/step label sets at most; steps beyond are counted under <see cref="OverflowStep"/>. Step names
    /// come from code, so this only guards against a scenario that builds names from data.
    /// </summary>
    public const int MaxSteps = 200;

    /// <summary>The <c>step</c> label of requests of steps beyond <see cref="MaxSteps"/>.</summary>
    public const string OverflowStep = "_other";

    /// <summary>
    /// Latency buckets in seconds: fine below 100 ms (a calibration run against a static endpoint), and bounds at the
    /// go-live targets (2 s, 3 s, 8 s) so "share of requests under 3 s" is a bucket, not an interpolation.
    /// </summary>
    public static IReadOnlyList<double> LatencyBuckets { get; } =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 10, 15, 30, 60];

    private readonly Gauge _users;
    private readonly Gauge _targetUsers;
    private readonly Gauge _targetRate;
    private readonly Counter _requests;
    private readonly Counter _failures;
    private readonly Histogram _duration;
    private readonly Counter _iterations;
    private readonly Counter _dropped;
    private readonly Lock _stepsLock = new();
    private readonly Dictionary<(string Scenario, string Step), StepMetrics> _steps = [];
    private volatile RunProgress? _progress;

    public LoadMetrics(ExecutionSegment segment)
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        string[] scenario = ["scenario"];
        _users = factory.CreateGauge(LoadMetricNames.Users,
            "Virtual users running now: closed-model users, or open-model iterations in flight.", scenario);
        _targetUsers = factory.CreateGauge(LoadMetricNames.TargetUsers,
            "Closed-model virtual users the current load phase asks for (this segment's share).", scenario);
        _targetRate = factory.CreateGauge(LoadMetricNames.TargetIterationsPerSecond,
            "Open-model iterations per second the current load phase asks for (this segment's share).", scenario);
        _requests = factory.CreateCounter(LoadMetricNames.Requests,
            "Requests recorded by the load generator, by outcome (ok or failed).", ["scenario", "step", "outcome"]);
        _failures = factory.CreateCounter(LoadMetricNames.RequestFailures,
            "Failed requests by reason (the step's failure reasons, bounded as in the report: later new ones count as 'other').",
            ["scenario", "step", "reason"]);
        _duration = factory.CreateHistogram(LoadMetricNames.RequestDuration,
            "Request latency as the virtual user saw it; in the open model from the iteration's intended start.",
            new HistogramConfiguration { LabelNames = ["scenario", "step"], Buckets = [.. LatencyBuckets] });
        _iterations = factory.CreateCounter(LoadMetricNames.Iterations, "Scenario iterations started.", scenario);
        _dropped = factory.CreateCounter(LoadMetricNames.DroppedIterations,
            "Open-model iterations that could not start on time (no free virtual user): load asked for and not delivered.", scenario);
        factory.CreateGauge(LoadMetricNames.RunInfo, "Always 1; the execution segment this process runs (i/n).", ["segment"])
            .WithLabels(segment.ToString()).Set(1);
        Registry.AddBeforeCollectCallback(Refresh);
    }

    /// <summary>The registry to serve: only the <c>odooperf_load_*</c> families, no process or runtime metrics.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Reads users, targets and iteration counts from <paramref name="progress"/> at each scrape from now on.</summary>
    public void Attach(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        _progress = progress;
        Refresh();
    }

    /// <summary>Called by the run's stats once per step, when the step is first used.</summary>
    public IStepRecord ForStep(string scenario, string step)
    {
        lock (_stepsLock)
        {
            if (_steps.TryGetValue((scenario, step), out var existing))
            {
                return existing;
            }

            var label = _steps.Count < MaxSteps ? step : OverflowStep;
            var metrics = label == step
                ? Create(scenario, step)
                : _steps.GetValueOrDefault((scenario, OverflowStep)) ?? Create(scenario, OverflowStep);
            _steps[(scenario, label)] = metrics;
            return metrics;
        }
    }

    private StepMetrics Create(string scenario, string step) =>
        new(_duration.WithLabels(scenario, step), _requests.WithLabels(scenario, step, "ok"), _requests.WithLabels(scenario, step, "failed"),
            reason => _failures.WithLabels(scenario, step, reason));

    /// <summary>Copies what the runner knows now into the gauges and counters (before each scrape).</summary>
    private void Refresh()
    {
        if (_progress is not { } progress)
        {
            return;
        }

        var stats = progress.Stats;
        foreach (var scenario in progress.Scenarios)
        {
            var name = scenario.Name;
            _targetUsers.WithLabels(name).Set(scenario.TargetUsers);
            _targetRate.WithLabels(name).Set(scenario.TargetRate);
            if (stats is null)
            {
                _users.WithLabels(name).Set(0);
                _iterations.WithLabels(name).IncTo(0);
                _dropped.WithLabels(name).IncTo(0);
                continue;
            }

            _users.WithLabels(name).Set(stats.Users(name).Current);
            var iterations = stats.Iterations(name);
            _iterations.WithLabels(name).IncTo(iterations.Started);
            _dropped.WithLabels(name).IncTo(iterations.Dropped);
        }
    }
}
