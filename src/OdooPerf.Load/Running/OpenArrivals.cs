using OdooPerf.Load.Simulations;

namespace OdooPerf.Load.Running;

/// <summary>
/// The open model's fixed timeline: the intended start of every iteration, computed from the phases alone (never from
/// how fast earlier iterations went). An open phase with rate integral A starts ⌈A⌉ iterations, the j-th when the
/// integral reaches j (so 10/s for 1 s starts at 0, 0.1, … 0.9 s). Iterations are numbered across the run's open
/// phases; a segment starts those it <see cref="ExecutionSegment.Owns"/>, so the segments together start exactly the
/// single run's iterations at exactly its times.
/// </summary>
internal sealed class OpenArrivals(ScenarioTimeline timeline, ExecutionSegment segment)
{
    private int _span;
    private long _spanBase;   // run-wide number of the current span's first iteration
    private long _next = -1;  // run-wide number of the last iteration handed out (or skipped as another segment's)

    /// <summary>The intended start (from the scenario's start) of this segment's next iteration; false after the last.</summary>
    public bool TryNext(out TimeSpan intendedStart)
    {
        intendedStart = default;
        do
        {
            _next++;
        }
        while (!segment.Owns(_next));

        while (_span < timeline.Spans.Count)
        {
            var span = timeline.Spans[_span];
            var count = span.Phase.IsOpenModel ? (long)Math.Ceiling(span.Arrivals - 1e-9) : 0;
            var inSpan = _next - _spanBase;
            if (inSpan < count)
            {
                var seconds = Math.Clamp(span.SecondsAtArrival(inSpan), 0, span.During.TotalSeconds);
                intendedStart = span.Start + TimeSpan.FromSeconds(seconds);
                return true;
            }

            _spanBase += count;
            _span++;
        }

        return false;
    }
}
