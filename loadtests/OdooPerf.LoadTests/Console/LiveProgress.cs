using OdooPerf.Load.Running;
using OdooPerf.Load.Stats;

namespace OdooPerf.LoadTests.Console;

/// <summary>
/// The run as it goes. On a terminal, a block redrawn about once a second: elapsed and time left, and per scenario its
/// phase, users (running / asked for) or arrival rate, throughput and p95 over the last closed interval, errors since
/// the start and iterations dropped. Otherwise one plain line per closed interval (<c>--interval</c>), so CI logs stay
/// readable. Figures come from closed intervals and live counters only: drawing never merges histograms.
/// </summary>
internal sealed class LiveProgress : IAsyncDisposable
{
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PlainPollEvery = TimeSpan.FromMilliseconds(250);

    private readonly RunProgress _progress;
    private readonly ConsoleOutput _console;
    private readonly string _title;
    private readonly IReadOnlySet<string> _openModel;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private DateTimeOffset _printedUntil = DateTimeOffset.MinValue;

    private LiveProgress(RunProgress progress, ConsoleOutput console, string title, IReadOnlySet<string> openModel)
    {
        _progress = progress;
        _console = console;
        _title = title;
        _openModel = openModel;
        _loop = Task.Run(LoopAsync);
    }

    /// <param name="openModel">The scenarios driven by arrival rates: the console shows their rate, not a user target.</param>
    public static LiveProgress Start(RunProgress progress, ConsoleOutput console, string title, IReadOnlySet<string> openModel) =>
        new(progress, console, title, openModel);

    /// <summary>Stops drawing; in plain mode prints the intervals closed since the last line (the last, partial one).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
            if (_console.Interactive)
            {
                _console.EndBlock();
            }
            else
            {
                PrintNewIntervals();
            }
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        var every = _console.Interactive ? RedrawEvery : PlainPollEvery;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (_console.Interactive)
                {
                    _console.Block(Render());
                }
                else
                {
                    PrintNewIntervals();
                }

                await Task.Delay(every, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
            // stdout went away (a closed pipe): the run goes on without progress; its reports are still written.
        }
    }

    private void PrintNewIntervals()
    {
        if (_progress.Stats is not { } stats)
        {
            return;
        }

        foreach (var point in stats.Intervals)
        {
            if (point.End > _printedUntil)
            {
                _console.Line(PlainLine(stats, point));
                _printedUntil = point.End;
            }
        }
    }

    /// <summary>
    /// <c>[10s/30s] http: 2,057 req/s, p95 1.23 ms, errors 0 (0.00%), users 10/10, dropped 0</c>: one interval, each
    /// scenario's figures in it (users: the most running in it / asked for now).
    /// </summary>
    private string PlainLine(RunStats stats, IntervalPoint point)
    {
        var elapsed = point.End - stats.StartedAt;
        var parts = _progress.Scenarios.Select(scenario =>
        {
            var interval = point.Stats.FirstOrDefault(s => s.Scenario == scenario.Name && s.Step is null);
            var requests = interval?.Requests ?? 0;
            var users = point.UsersByScenario.GetValueOrDefault(scenario.Name);
            var dropped = point.DroppedByScenario?.GetValueOrDefault(scenario.Name) ?? 0;
            // After the last phase there is no target: the users are those that were finishing.
            var load = _progress.Stopping || scenario.Phase == "done" ? $"users {users}"
                : _openModel.Contains(scenario.Name) ? $"rate {Figures.PerSecond(scenario.TargetRate)}, users {users}"
                : $"users {users}/{scenario.TargetUsers}";
            return $"{scenario.Name}: {Figures.Rate(interval?.RequestsPerSecond ?? 0)} req/s, "
                + $"p95 {(requests > 0 ? Figures.Latency(interval!.P95Ms) : "-")}, errors {Figures.Errors(interval?.Failed ?? 0, requests)}, "
                + $"{load}, dropped {Figures.Count(dropped)}";
        });
        return $"[{Figures.Seconds(elapsed)}/{Figures.Seconds(_progress.PlannedDuration)}] {string.Join(" | ", parts)}";
    }

    private List<string> Render()
    {
        var lines = new List<string> { $"{ConsoleOutput.Program} · {_title}" };
        if (_progress.Stats is not { } stats)
        {
            lines.Add("starting…");
            return lines;
        }

        var points = stats.Intervals;
        var last = points.Count > 0 ? points[^1] : null;
        var window = last is null ? "" : $" · req/s and p95 over the last {Figures.Seconds(last.End - last.Start)}";
        var state = _progress.Stopping ? " · stopping: finishing requests in flight" : "";
        lines.Add($"elapsed {Figures.Seconds(_progress.Elapsed)} of {Figures.Seconds(_progress.PlannedDuration)} · {Figures.SecondsLeft(_progress.TimeLeft)} left{window}{state}");

        var table = new TextTable("scenario", "phase", "users", "target", "req/s", "p95", "errors", "dropped");
        foreach (var scenario in _progress.Scenarios)
        {
            var interval = last?.Stats.FirstOrDefault(s => s.Scenario == scenario.Name && s.Step is null);
            long requests = 0;
            long failed = 0;
            foreach (var point in points)
            {
                var entry = point.Stats.FirstOrDefault(s => s.Scenario == scenario.Name && s.Step is null);
                requests += entry?.Requests ?? 0;
                failed += entry?.Failed ?? 0;
            }

            var target = _openModel.Contains(scenario.Name) ? Figures.PerSecond(scenario.TargetRate) : scenario.TargetUsers.ToString(System.Globalization.CultureInfo.InvariantCulture);
            table.Add(
                scenario.Name,
                scenario.Phase,
                Figures.Count(stats.Users(scenario.Name).Current),
                target,
                interval is null ? "-" : Figures.Rate(interval.RequestsPerSecond),
                interval is { Requests: > 0 } ? Figures.Latency(interval.P95Ms) : "-",
                Figures.Errors(failed, requests),
                Figures.Count(stats.Iterations(scenario.Name).Dropped));
        }

        lines.AddRange(table.Lines());
        return lines;
    }
}
