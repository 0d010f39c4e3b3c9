using OdooPerf.LoadTests.Scenarios;
using OdooPerf.LoadTests.Schema;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Odoo;

public sealed class ScenarioMixTests
{
    private static readonly OdooScenario Browse = new BrowseScenario();

    [Theory]
    [InlineData(30)]
    [InlineData(7)]
    [InlineData(1)]
    [InlineData(1000)]
    public void The_default_mix_shares_out_exactly_the_users_asked_for(int users)
    {
        var shares = ScenarioMix.Default.Split(users);

        Assert.Equal(users, shares.Sum(s => s.Users));
        Assert.All(shares, s => Assert.InRange(s.Users, 0, users));
    }

    [Fact]
    public void Users_follow_the_weights_and_remainders_go_to_the_largest_fractions()
    {
        var a = new FakeScenario("a");
        var b = new FakeScenario("b");
        var c = new FakeScenario("c");
        var mix = new ScenarioMix([(a, 50), (b, 30), (c, 20)]);

        Assert.Equal([("a", 5), ("b", 3), ("c", 2)], Names(mix.Split(10)));
        // 7 users: exact 3.5, 2.1, 1.4 → floors 3, 2, 1 and the one left goes to a (0.5 is the largest remainder).
        Assert.Equal([("a", 4), ("b", 2), ("c", 1)], Names(mix.Split(7)));
        // 1 user: the heaviest scenario gets it; the others are not run.
        Assert.Equal([("a", 1), ("b", 0), ("c", 0)], Names(mix.Split(1)));
    }

    [Fact]
    public void A_scenario_of_weight_zero_gets_no_user()
    {
        var mix = new ScenarioMix([(Browse, 0), (new FakeScenario("x"), 1)]);

        Assert.Equal([("x", 4)], Names(mix.Split(4)));
    }

    [Fact]
    public void A_mix_file_gives_weights_and_think_time()
    {
        var mix = MixFile.Parse("""{ "scenarios": { "browse": 3 }, "thinkTime": "2s-8s", "derivedFrom": { "anything": 1 } }""", "m.json");

        Assert.Equal(Browse.Name, Assert.Single(mix.Entries).Scenario.Name);
        Assert.Equal(new ThinkTime(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8)), mix.ThinkTime);
    }

    [Theory]
    [InlineData("not json", "is not valid JSON")]
    [InlineData("""{ "weights": {} }""", "has no \"scenarios\" object")]
    [InlineData("""{ "scenarios": { "payroll": 1 } }""", "unknown scenario 'payroll'")]
    [InlineData("""{ "scenarios": { "browse": -1 } }""", "the weight of 'browse' must be a number of 0 or more")]
    [InlineData("""{ "scenarios": { "browse": "many" } }""", "the weight of 'browse' must be a number of 0 or more")]
    [InlineData("""{ "scenarios": { "browse": 0 } }""", "every weight is 0")]
    [InlineData("""{ "scenarios": { "browse": 1 }, "thinkTime": "soon" }""", "\"thinkTime\" must be a string")]
    public void A_bad_mix_file_is_refused_with_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<MixFileException>(() => MixFile.Parse(text, "m.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("m.json", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_written_mix_file_reads_back()
    {
        var text = MixFile.Format([("browse", 62.5)], ThinkTime.Default, derivedFrom: null);

        var mix = MixFile.Parse(text, "written");

        Assert.Equal(62.5, Assert.Single(mix.Entries).Weight);
        Assert.Equal(ThinkTime.Default, mix.ThinkTime);
    }

    [Theory]
    [InlineData("1s-5s", 1000, 5000)]
    [InlineData("3s", 3000, 3000)]
    [InlineData("0", 0, 0)]
    [InlineData("0-2s", 0, 2000)]
    [InlineData("250ms-1s", 250, 1000)]
    public void Think_time_reads_a_range_or_one_value(string text, int minMs, int maxMs)
    {
        Assert.True(ThinkTime.TryParse(text, out var think));
        Assert.Equal(TimeSpan.FromMilliseconds(minMs), think.Min);
        Assert.Equal(TimeSpan.FromMilliseconds(maxMs), think.Max);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5s-1s")]
    [InlineData("-1s")]
    [InlineData("soon")]
    [InlineData("1s-")]
    [InlineData("2h")]
    public void Think_time_refuses_what_is_not_a_pause(string text) => Assert.False(ThinkTime.TryParse(text, out _));

    private static (string, int)[] Names(IReadOnlyList<(OdooScenario Scenario, int Users)> shares) =>
        shares.Select(s => (s.Scenario.Name, s.Users)).ToArray();

    private sealed class FakeScenario(string name) : OdooScenario
    {
        public override string Name => name;

        public override string Summary => name;

        public override string? Writes => null;

        public override IReadOnlyList<string> RequiredApps => [];

        public override IReadOnlyList<string> Models => [];

        public override object ResolveFields(ScenarioFields fields, OdooRunData run) => this;

        public override Task RunAsync(OdooIteration iteration) => Task.CompletedTask;
    }
}
