using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

public sealed class OpenArrivalsTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Inject_rate_starts_its_iterations_evenly_from_the_phase_start()
    {
        var arrivals = Seconds([Simulation.InjectRate(10, Second)]);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => i / 10.0), arrivals, Close);
    }

    [Fact]
    public void A_fractional_integral_rounds_up_to_whole_iterations()
    {
        // 2.5/s for 1 s is due 2.5 iterations: the third starts at 0.8 s, when the integral has reached 2.
        Assert.Equal([0, 0.4, 0.8], Seconds([Simulation.InjectRate(2.5, Second)]), Close);
        Assert.Empty(Seconds([Simulation.InjectRate(0, Second)]));
    }

    [Fact]
    public void Ramp_rate_up_follows_the_square_root_law()
    {
        // 0 → 10/s over 10 s: the integral is t²/2, so 50 iterations, the j-th at √(2j) s.
        var arrivals = Seconds([Simulation.RampRate(0, 10, 10 * Second)]);

        Assert.Equal(50, arrivals.Length);
        Assert.Equal(Enumerable.Range(0, 50).Select(j => Math.Sqrt(2 * j)), arrivals, Close);
        Assert.True(arrivals.Count(a => a < 5) == 13, "a quarter of the iterations (12.5, rounded up) in the first half");
    }

    [Fact]
    public void Ramp_rate_down_follows_its_integral()
    {
        // 10 → 0/s over 2 s: A(t) = 10t − 2.5t², 10 iterations, the j-th at (10 − √(100 − 10j)) / 5 s.
        var arrivals = Seconds([Simulation.RampRate(10, 0, 2 * Second)]);

        Assert.Equal(Enumerable.Range(0, 10).Select(j => (10 - Math.Sqrt(100 - 10 * j)) / 5), arrivals, Close);
    }

    [Fact]
    public void Phases_run_one_after_the_other_with_no_arrivals_in_pauses_or_closed_phases()
    {
        LoadSimulation[] phases =
        [
            Simulation.InjectRate(10, Second),        // 0-1 s: 10 at 0.0 … 0.9
            Simulation.Pause(Second),                 // 1-2 s: none
            Simulation.KeepUsers(3, Second),          // 2-3 s: none (closed model)
            Simulation.RampUsers(6, Second),          // 3-4 s: none
            Simulation.RampRate(0, 4, Second),        // 4-5 s: 2, at 4 and 4 + √0.5
            Simulation.InjectRate(1, 2 * Second),     // 5-7 s: at 5 and 6
        ];

        var arrivals = Seconds(phases);

        double[] expected = [.. Enumerable.Range(0, 10).Select(i => i / 10.0), 4, 4 + Math.Sqrt(0.5), 5, 6];
        Assert.Equal(expected, arrivals, Close);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void Segments_interleave_to_exactly_the_whole_timeline(int count)
    {
        LoadSimulation[] phases =
        [
            Simulation.RampRate(0, 7.3, 3 * Second),
            Simulation.Pause(Second / 2),
            Simulation.InjectRate(13.7, Second),
            Simulation.KeepUsers(4, Second),
            Simulation.RampRate(9, 2, 2 * Second),
        ];
        var whole = Arrivals(phases, ExecutionSegment.Whole);

        var segments = Enumerable.Range(1, count).Select(i => Arrivals(phases, new ExecutionSegment(i, count))).ToArray();

        // Segment i starts the whole run's iterations i−1, i−1+n, … at exactly the whole run's times.
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(whole.Where((_, index) => index % count == i), segments[i]);
        }

        Assert.Equal(whole, segments.SelectMany(s => s).Order());
        Assert.Equal(whole.Count, segments.Sum(s => s.Count));
    }

    private static readonly IEqualityComparer<double> Close = EqualityComparer<double>.Create((a, b) => Math.Abs(a - b) < 1e-6, _ => 0);

    private static double[] Seconds(LoadSimulation[] phases) => Arrivals(phases, ExecutionSegment.Whole).Select(t => t.TotalSeconds).ToArray();

    private static List<TimeSpan> Arrivals(LoadSimulation[] phases, ExecutionSegment segment)
    {
        var arrivals = new OpenArrivals(new ScenarioTimeline(phases), segment);
        var all = new List<TimeSpan>();
        while (arrivals.TryNext(out var at))
        {
            all.Add(at);
            Assert.True(all.Count < 100_000, "the timeline never ends");
        }

        Assert.False(arrivals.TryNext(out _), "a finished timeline stays finished");
        return all;
    }
}
