using OdooPerf.Load.Simulations;

namespace OdooPerf.Load.Running;

/// <summary>
/// A scenario's phases laid out on its clock: the closed model's target users and the open model's arrival rate at
/// any moment, both for the whole run (a segment takes its share later). A ramp of users starts from where the
/// previous phase left them (0 after an open-model phase or a pause); a rate ramp goes linearly between its bounds.
/// </summary>
internal sealed class ScenarioTimeline
{
    private readonly PhaseSpan[] _spans;

    public ScenarioTimeline(IReadOnlyList<LoadSimulation> phases)
    {
        _spans = new PhaseSpan[phases.Count];
        var start = TimeSpan.Zero;
        double users = 0;
        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            var (fromUsers, toUsers, fromRate, toRate) = phase switch
            {
                RampUsers ramp => (users, ramp.To, 0d, 0d),
                KeepUsers keep => (keep.Users, keep.Users, 0d, 0d),
                InjectRate inject => (0d, 0d, inject.PerSecond, inject.PerSecond),
                RampRate ramp => (0d, 0d, ramp.From, ramp.To),
                _ => (0d, 0d, 0d, 0d),
            };
            _spans[i] = new PhaseSpan(phase, start, phase.During, fromUsers, toUsers, fromRate, toRate);
            users = toUsers;
            start += phase.During;
        }

        Duration = start;
    }

    public TimeSpan Duration { get; }

    public IReadOnlyList<PhaseSpan> Spans => _spans;

    public bool HasOpenModel => _spans.Any(s => s.Phase.IsOpenModel);

    public bool HasClosedModel => _spans.Any(s => !s.Phase.IsOpenModel && s.ToUsers + s.FromUsers > 0);

    /// <summary>The phase running at <paramref name="elapsed"/>; null before the start or after the end.</summary>
    public PhaseSpan? SpanAt(TimeSpan elapsed)
    {
        foreach (var span in _spans)
        {
            if (elapsed >= span.Start && elapsed < span.End)
            {
                return span;
            }
        }

        return null;
    }

    /// <summary>Closed-model users wanted at <paramref name="elapsed"/> (whole run, not yet rounded); 0 outside the phases.</summary>
    public double UsersAt(TimeSpan elapsed) => SpanAt(elapsed) is { } span ? span.Interpolate(elapsed, span.FromUsers, span.ToUsers) : 0;

    /// <summary>Open-model iterations per second wanted at <paramref name="elapsed"/> (whole run).</summary>
    public double RateAt(TimeSpan elapsed) => SpanAt(elapsed) is { } span ? span.Interpolate(elapsed, span.FromRate, span.ToRate) : 0;

    internal sealed record PhaseSpan(
        LoadSimulation Phase, TimeSpan Start, TimeSpan During, double FromUsers, double ToUsers, double FromRate, double ToRate)
    {
        public TimeSpan End => Start + During;

        /// <summary>Iterations the whole run starts in this phase: the integral of its rate.</summary>
        public double Arrivals => (FromRate + ToRate) / 2 * During.TotalSeconds;

        public double Interpolate(TimeSpan elapsed, double from, double to) =>
            from + ((to - from) * ((elapsed - Start) / During));

        /// <summary>
        /// Seconds into the phase at which <paramref name="arrivals"/> iterations have been due: the inverse of
        /// A(τ) = a·τ + (b−a)·τ²/(2D).
        /// </summary>
        public double SecondsAtArrival(double arrivals)
        {
            if (arrivals <= 0)
            {
                return 0;
            }

            var seconds = During.TotalSeconds;
            var slope = (ToRate - FromRate) / seconds;
            if (Math.Abs(slope) < 1e-12)
            {
                return arrivals / FromRate;
            }

            // Positive root of slope/2·τ² + a·τ − arrivals = 0, written to avoid cancellation when slope is small.
            var discriminant = (FromRate * FromRate) + (2 * slope * arrivals);
            return 2 * arrivals / (FromRate + Math.Sqrt(Math.Max(0, discriminant)));
        }
    }
}
