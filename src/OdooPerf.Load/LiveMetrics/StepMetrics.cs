using System.Collections.Concurrent;
using OdooPerf.Load.Stats;
using Prometheus;

namespace OdooPerf.Load.LiveMetrics;

/// <summary>
/// One step's labelled children, resolved once, so recording a successful request is two lock-free updates; a failure
/// also looks up its reason's child (reasons are few and already bounded by the step's stats).
/// </summary>
internal sealed class StepMetrics : IStepRecord
{
    private const double SecondsPerMicrosecond = 1e-6;

    private readonly Histogram.Child _duration;
    private readonly Counter.Child _ok;
    private readonly Counter.Child _failed;
    private readonly Func<string, Counter.Child> _createFailure;
    private readonly ConcurrentDictionary<string, Counter.Child> _failures = new(StringComparer.Ordinal);

    public StepMetrics(Histogram.Child duration, Counter.Child ok, Counter.Child failed, Func<string, Counter.Child> failureByReason)
    {
        _duration = duration;
        _ok = ok;
        _failed = failed;
        _createFailure = failureByReason;
    }

    public void Recorded(long microseconds, string? failureReason)
    {
        _duration.Observe(microseconds * SecondsPerMicrosecond);
        if (failureReason is null)
        {
            _ok.Inc();
            return;
        }

        _failed.Inc();
        _failures.GetOrAdd(failureReason, _createFailure).Inc();
    }
}
