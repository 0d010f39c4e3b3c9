using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Running;

public sealed class ScenarioTimelineTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Users_and_rates_follow_the_phases_in_order()
    {
        var timeline = new ScenarioTimeline(
        [
            Simulation.RampUsers(10, 2 * Second),     // 0-2 s
            Simulation.KeepUsers(10, Second),         // 2-3 s
            Simulation.RampUsers(4, Second),          // 3-4 s
            Simulation.InjectRate(20, Second),        // 4-5 s
            Simulation.RampRate(20, 40, 2 * Second),  // 5-7 s
        ]);

        Assert.Equal(7 * Second, timeline.Duration);
        Assert.True(timeline.HasClosedModel);
        Assert.True(timeline.HasOpenModel);
        Assert.Equal(0, timeline.UsersAt(At(0)));
        Assert.Equal(5, timeline.UsersAt(At(1)), 9);
        Assert.Equal(10, timeline.UsersAt(At(2.5)), 9);
        Assert.Equal(7, timeline.UsersAt(At(3.5)), 9);
        Assert.Equal(0, timeline.UsersAt(At(4.5)));
        Assert.Equal(0, timeline.RateAt(At(3.5)));
        Assert.Equal(20, timeline.RateAt(At(4.5)), 9);
        Assert.Equal(30, timeline.RateAt(At(6)), 9);
        // Outside the phases: nothing.
        Assert.Equal(0, timeline.RateAt(At(7)));
        Assert.Equal(0, timeline.UsersAt(At(7)));
        Assert.Null(timeline.SpanAt(At(7)));
        Assert.IsType<KeepUsers>(timeline.SpanAt(At(2))!.Phase);
        Assert.Equal(60, timeline.Spans[4].Arrivals, 9);
    }

    [Fact]
    public void A_ramp_of_users_starts_from_zero_after_a_pause_or_an_open_phase()
    {
        var afterPause = new ScenarioTimeline([Simulation.KeepUsers(8, Second), Simulation.Pause(Second), Simulation.RampUsers(4, Second)]);
        var afterOpen = new ScenarioTimeline([Simulation.InjectRate(5, Second), Simulation.RampUsers(4, Second)]);
        var afterKeep = new ScenarioTimeline([Simulation.KeepUsers(8, Second), Simulation.RampUsers(0, Second)]);

        Assert.Equal(0, afterPause.UsersAt(At(1.5)));
        Assert.Equal(2, afterPause.UsersAt(At(2.5)), 9);
        Assert.Equal(2, afterOpen.UsersAt(At(1.5)), 9);
        Assert.Equal(4, afterKeep.UsersAt(At(1.5)), 9);
    }

    [Fact]
    public void The_models_present_are_recognised()
    {
        Assert.False(new ScenarioTimeline([Simulation.InjectRate(5, Second), Simulation.Pause(Second)]).HasClosedModel);
        Assert.False(new ScenarioTimeline([Simulation.KeepUsers(5, Second)]).HasOpenModel);
        // A phase of zero users runs no closed model at all.
        Assert.False(new ScenarioTimeline([Simulation.KeepUsers(0, Second), Simulation.InjectRate(1, Second)]).HasClosedModel);
        Assert.True(new ScenarioTimeline([Simulation.RampUsers(3, Second)]).HasClosedModel);
    }

    [Fact]
    public void The_arrival_curve_inverts_the_rate_integral()
    {
        var span = new ScenarioTimeline([Simulation.RampRate(4, 12, 2 * Second)]).Spans[0];

        // A(τ) = 4τ + 2τ²: A(1) = 6, A(2) = 16.
        Assert.Equal(16, span.Arrivals, 9);
        Assert.Equal(0, span.SecondsAtArrival(0));
        Assert.Equal(1, span.SecondsAtArrival(6), 9);
        Assert.Equal(2, span.SecondsAtArrival(16), 9);
        // A ramp whose slope is tiny does not lose precision (no cancellation).
        var almostFlat = new ScenarioTimeline([Simulation.RampRate(1000, 1000.000001, 10 * Second)]).Spans[0];
        Assert.Equal(5, almostFlat.SecondsAtArrival(5000), 6);
    }
}
