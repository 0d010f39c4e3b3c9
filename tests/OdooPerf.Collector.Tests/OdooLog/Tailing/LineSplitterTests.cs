using System.Text;
using OdooPerf.Collector.OdooLog.Tailing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

public sealed class LineSplitterTests
{
    private readonly RecordingSink _sink = new();

    [Fact]
    public void A_line_split_across_reads_is_delivered_once_it_is_complete()
    {
        var splitter = new LineSplitter(maxLineBytes: 100, readSize: 8);

        Feed(splitter, "first\nsec");
        Assert.Equal(["first"], _sink.Lines);
        Assert.Equal(6, splitter.Consumed);
        Assert.Equal(9, splitter.Position);
        Assert.True(splitter.HasPartialLine);

        Feed(splitter, "ond\r\nthi");
        Feed(splitter, "rd\n");

        Assert.Equal(["first", "second", "third"], _sink.Lines);
        Assert.Equal(20, splitter.Consumed);
        Assert.False(splitter.HasPartialLine);
        Assert.Equal(3, splitter.Lines);
    }

    [Fact]
    public void Only_a_final_carriage_return_is_removed_and_empty_lines_are_lines()
    {
        var splitter = new LineSplitter(maxLineBytes: 100);

        Feed(splitter, "a\rb\r\n\n\r\n");

        Assert.Equal(["a\rb", string.Empty, string.Empty], _sink.Lines);
    }

    [Fact]
    public void A_line_of_exactly_the_maximum_is_delivered_and_one_byte_more_is_too_long()
    {
        var splitter = new LineSplitter(maxLineBytes: 10, readSize: 4);

        Feed(splitter, new string('a', 10) + "\r\n" + new string('b', 11) + "\nok\n");

        Assert.Equal([new string('a', 10), "ok"], _sink.Lines);
        Assert.Equal(1, _sink.TooLong);
        Assert.Equal(1, splitter.TooLong);
    }

    [Fact]
    public void A_line_far_longer_than_the_maximum_is_skipped_without_growing_and_its_neighbours_survive()
    {
        var splitter = new LineSplitter(maxLineBytes: 16, readSize: 16);

        Feed(splitter, "before\n" + new string('x', 10_000) + "\nafter\n");

        Assert.Equal(["before", "after"], _sink.Lines);
        Assert.Equal(1, _sink.TooLong);
        Assert.Equal(7 + 10_001 + 6, splitter.Consumed);
        Assert.True(splitter.FreeSpace.Length <= 16 + 1 + 16, "the buffer never grows");
    }

    [Fact]
    public void The_offset_does_not_pass_a_too_long_line_until_its_end_is_read()
    {
        var splitter = new LineSplitter(maxLineBytes: 8, readSize: 8);

        Feed(splitter, "ok\n" + new string('x', 50));

        Assert.Equal(3, splitter.Consumed);
        Assert.Equal(53, splitter.Position);
        Assert.Equal(0, _sink.TooLong);
    }

    [Fact]
    public void Starting_mid_line_drops_its_rest_silently()
    {
        var splitter = new LineSplitter(maxLineBytes: 100);
        splitter.Reset(1000);
        splitter.SkipToNextLine();

        Feed(splitter, "tail of a line\nnext\n");

        Assert.Equal(["next"], _sink.Lines);
        Assert.Equal(0, _sink.TooLong);
        Assert.Equal(1020, splitter.Consumed);
    }

    [Fact]
    public void Completing_a_stream_delivers_its_unterminated_last_line()
    {
        var splitter = new LineSplitter(maxLineBytes: 100);
        Feed(splitter, "a\nlast words");

        splitter.Complete(_sink);

        Assert.Equal(["a", "last words"], _sink.Lines);
        Assert.Equal(12, splitter.Consumed);
        Assert.False(splitter.HasPartialLine);
    }

    [Fact]
    public void Completing_a_stream_in_a_too_long_line_reports_it_too_long()
    {
        var splitter = new LineSplitter(maxLineBytes: 4, readSize: 4);
        Feed(splitter, "a\n" + new string('x', 40));

        splitter.Complete(_sink);

        Assert.Equal(["a"], _sink.Lines);
        Assert.Equal(1, _sink.TooLong);
    }

    private void Feed(LineSplitter splitter, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).AsSpan();
        while (bytes.Length > 0)
        {
            var chunk = Math.Min(bytes.Length, splitter.FreeSpace.Length);
            bytes[..chunk].CopyTo(splitter.FreeSpace);
            splitter.Process(chunk, _sink);
            bytes = bytes[chunk..];
        }
    }
}
