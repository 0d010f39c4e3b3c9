using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace OdooPerf.Collector.Scraping;

/// <summary>
/// Refreshes every source just before prometheus-net serialises /metrics: all sources in parallel, each
/// under its own deadline, and at most once per cache TTL however many scrapers ask. A failing or slow
/// source is reported in <c>odooperf_source_up{source}</c> and never fails the scrape.
/// </summary>
public sealed class ScrapeCoordinator
{
    private readonly SourceState[] _sources;
    private readonly ScrapeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Gauge _up;
    private readonly Gauge _duration;
    private readonly Lock _gate = new();
    private Task? _inFlight;
    private long _lastRefreshStarted = long.MinValue;

    public ScrapeCoordinator(
        IEnumerable<IMetricSource> sources,
        IMetricFactory factory,
        ScrapeOptions options,
        ILogger<ScrapeCoordinator> logger,
        TimeProvider? time = null)
    {
        _sources = sources.Select(s => new SourceState(s)).ToArray();
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _up = factory.CreateGauge(
            "odooperf_source_up",
            "1 when the source's last refresh succeeded within its deadline, 0 otherwise.",
            new GaugeConfiguration { LabelNames = ["source"] });
        _duration = factory.CreateGauge(
            "odooperf_source_scrape_duration_seconds",
            "Wall time of the source's last refresh.",
            new GaugeConfiguration { LabelNames = ["source"] });

        var duplicate = _sources.GroupBy(s => s.Source.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two metric sources are named '{duplicate.Key}'.", nameof(sources));
        }
    }

    public IReadOnlyList<string> SourceNames => _sources.Select(s => s.Source.Name).ToArray();

    /// <summary>Makes <paramref name="registry"/> refresh the sources before each collection.</summary>
    public void AttachTo(CollectorRegistry registry) => registry.AddBeforeCollectCallback(RefreshAsync);

    /// <summary>
    /// Brings every source up to date, or returns at once when the last refresh is younger than the TTL.
    /// Concurrent callers share one refresh. <paramref name="cancellationToken"/> only stops this caller
    /// from waiting: the shared refresh runs to its own deadlines.
    /// </summary>
    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        Task refresh;
        lock (_gate)
        {
            // A finished refresh counts as none: it may even have finished before being stored here.
            if (_inFlight is null || _inFlight.IsCompleted)
            {
                if (_lastRefreshStarted != long.MinValue && _time.GetElapsedTime(_lastRefreshStarted) < _options.CacheTtl)
                {
                    Activity.Current?.SetTag("odooperf.scrape.cached", true);
                    return Task.CompletedTask;
                }

                _lastRefreshStarted = _time.GetTimestamp();
                _inFlight = RefreshAllAsync();
            }

            refresh = _inFlight;
        }

        return refresh.WaitAsync(cancellationToken);
    }

    private Task RefreshAllAsync() => Task.WhenAll(_sources.Select(RefreshOneAsync));

    private async Task RefreshOneAsync(SourceState state)
    {
        var name = state.Source.Name;
        using var activity = ScrapeTracing.Source.StartActivity($"refresh {name}");
        activity?.SetTag("odooperf.source", name);

        if (state.Pending is { IsCompleted: false })
        {
            // A previous refresh overran its deadline and is still running (a hung statfs, a stuck
            // query). Starting another would pile up work on whatever is hung.
            Report(state, success: false, TimeSpan.Zero, "the previous refresh has not finished yet", activity);
            return;
        }

        var started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(_options.SourceTimeout, _time);
        var refresh = Task.Run(() => state.Source.RefreshAsync(deadline.Token), CancellationToken.None);
        try
        {
            await refresh.WaitAsync(_options.SourceTimeout, _time).ConfigureAwait(false);
            Report(state, success: true, _time.GetElapsedTime(started), null, activity);
        }
        catch (Exception ex)
        {
            var reason = ex is TimeoutException || (ex is OperationCanceledException && deadline.IsCancellationRequested)
                ? $"no answer within the {_options.SourceTimeout.TotalSeconds:0.###} s deadline"
                : ex.Message;

            // Clear only once the refresh has really stopped: sources are not thread-safe. Until then the
            // pending task keeps the next scrape from starting another refresh of this source.
            state.Pending = refresh.ContinueWith(
                finished =>
                {
                    _ = finished.Exception; // observed: a late failure has nothing left to report
                    state.Source.Clear();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            Report(state, success: false, _time.GetElapsedTime(started), reason, activity);
        }
    }

    private void Report(SourceState state, bool success, TimeSpan elapsed, string? reason, Activity? activity)
    {
        var name = state.Source.Name;
        _up.WithLabels(name).Set(success ? 1 : 0);
        _duration.WithLabels(name).Set(elapsed.TotalSeconds);

        if (!success)
        {
            activity?.SetStatus(ActivityStatusCode.Error, reason);
        }

        // Log transitions, not every failed scrape: a database that is down for an hour must not write a
        // line per scrape.
        if (success != state.WasUp)
        {
            if (success)
            {
                _logger.LogInformation("Source {Source} is up again", name);
            }
            else
            {
                _logger.LogWarning("Source {Source} is down: {Reason}", name, reason);
            }

            state.WasUp = success;
        }
    }

    private sealed class SourceState(IMetricSource source)
    {
        public IMetricSource Source { get; } = source;

        public Task? Pending { get; set; }

        public bool WasUp { get; set; } = true;
    }
}
