using OdooPerf.Load.Stats;
using Prometheus;

namespace OdooPerf.Load.LiveMetrics;

/// <summary>One step's labelled children, resolved once, so recording a request is two lock-free updates.</summary>
internal sealed class StepMetrics : IStepRecord
{
    private const double SecondsPerMicrosecond = 1e-6;

    private readonly Histogram.Child _duration;
    private readonly Counter.Child _ok;
    private readonly Counter.Child _failed;

    public StepMetrics(Histogram.Child duration, Counter.Child ok, Counter.Child failed)
    {
        _duration = duration;
        _ok = ok;
        _failed = failed;
    }

    public void Recorded(long microseconds, bool ok)
    {
        _duration.Observe(microseconds * SecondsPerMicrosecond);
        (ok ? _ok : _failed).Inc();
    }
}
