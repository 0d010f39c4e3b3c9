using Microsoft.Extensions.Logging.Abstractions;
using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;
using Xunit;

namespace OdooPerf.Load.Tests.Scenarios;

public sealed class DataFeedTests
{
    private static ScenarioContext User(int id, IDataFeed feed) =>
        new("feed", id, new RunStats(), TimeProvider.System, feed, ExecutionSegment.Whole, NullLogger.Instance, CancellationToken.None);

    private static T Next<T>(ScenarioContext context)
    {
        context.BeginIteration(intendedStart: 0);
        return context.Data<T>();
    }

    [Fact]
    public void Circular_hands_items_out_in_turn_across_users_and_wraps()
    {
        var feed = new DataFeed<string>(["a", "b", "c"]);
        var first = User(1, feed);
        var second = User(2, feed);

        string[] taken = [Next<string>(first), Next<string>(second), Next<string>(first), Next<string>(second)];

        Assert.Equal(["a", "b", "c", "a"], taken);
    }

    [Fact]
    public void Per_user_gives_each_user_its_own_item_every_iteration()
    {
        var feed = new DataFeed<string>(["alice", "bob"], DataFeedOrder.PerUser);
        var first = User(1, feed);
        var second = User(2, feed);
        var third = User(3, feed);

        Assert.Equal("alice", Next<string>(first));
        Assert.Equal("alice", Next<string>(first));
        Assert.Equal("bob", Next<string>(second));
        Assert.Equal("alice", Next<string>(third));
    }

    [Fact]
    public void Random_only_gives_items_of_the_feed_and_in_time_all_of_them()
    {
        var feed = new DataFeed<int>([1, 2, 3], DataFeedOrder.Random);
        var user = User(1, feed);

        var seen = Enumerable.Range(0, 300).Select(_ => Next<int>(user)).ToHashSet();

        Assert.Equal([1, 2, 3], seen.Order());
    }

    [Fact]
    public void An_iteration_sees_one_item_however_often_it_asks()
    {
        var user = User(1, new DataFeed<string>(["a", "b"]));
        user.BeginIteration(intendedStart: 0);

        Assert.Equal("a", user.Data<string>());
        Assert.Equal("a", user.Data<string>());
        Assert.Equal("b", Next<string>(user));
    }

    [Fact]
    public void A_scenario_without_a_feed_says_so_and_an_empty_feed_is_refused()
    {
        var user = new ScenarioContext("nofeed", 1, new RunStats(), TimeProvider.System, null, ExecutionSegment.Whole,
            NullLogger.Instance, CancellationToken.None);
        user.BeginIteration(0);

        Assert.Contains("no data feed", Assert.Throws<InvalidOperationException>(() => user.Data<string>()).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DataFeed<string>([]));
    }
}
