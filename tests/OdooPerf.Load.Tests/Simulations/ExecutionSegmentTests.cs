using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Simulations;

public sealed class ExecutionSegmentTests
{
    [Fact]
    public void Shares_of_users_add_up_to_the_whole_and_differ_by_one_at_most()
    {
        for (var count = 1; count <= 8; count++)
        {
            for (var users = 0; users <= 60; users++)
            {
                var shares = Enumerable.Range(1, count).Select(i => new ExecutionSegment(i, count).ShareOf(users)).ToArray();
                Assert.Equal(users, shares.Sum());
                Assert.True(shares.Max() - shares.Min() <= 1, $"{users} users in {count}: {string.Join(", ", shares)}");
            }
        }

        // Large counts do not overflow (the share is computed in 64 bits).
        Assert.Equal(int.MaxValue, Enumerable.Range(1, 3).Sum(i => (long)new ExecutionSegment(i, 3).ShareOf(int.MaxValue)));
    }

    [Fact]
    public void Every_arrival_belongs_to_exactly_one_segment()
    {
        for (var count = 1; count <= 6; count++)
        {
            for (long arrival = 0; arrival < 100; arrival++)
            {
                var owners = Enumerable.Range(1, count).Count(i => new ExecutionSegment(i, count).Owns(arrival));
                Assert.Equal(1, owners);
            }
        }
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData("4/4", 4, 4)]
    public void Parses_i_over_n(string text, int index, int count)
    {
        Assert.True(ExecutionSegment.TryParse(text, out var segment));
        Assert.Equal(new ExecutionSegment(index, count), segment);
        Assert.Equal(text, segment.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("1/0")]
    [InlineData("-1/4")]
    [InlineData("+1/4")]
    [InlineData(" 1/4")]
    [InlineData("1/2/3")]
    [InlineData("a/b")]
    [InlineData("99999999999/99999999999")]
    public void Rejects_anything_else(string? text)
    {
        Assert.False(ExecutionSegment.TryParse(text, out var segment));
        Assert.True(segment.IsWhole);
    }

    [Fact]
    public void Cannot_be_built_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExecutionSegment(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExecutionSegment(3, 2));
    }
}
