using System.Text;
using OdooPerf.Collector.OdooLog.Tailing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

public sealed class JournalRecordParserTests
{
    private readonly RecordingSink _sink = new();
    private readonly JournalRecordParser _parser;

    public JournalRecordParserTests()
    {
        _parser = new JournalRecordParser(_sink, maxLineBytes: 32, maxRecordBytes: JournalRecordParser.MaxRecordBytes(32));
    }

    [Fact]
    public void Delivers_the_message_whatever_the_field_order_and_keeps_the_cursor()
    {
        Parse("""{"__CURSOR":"s=1;i=a","_BOOT_ID":"b","MESSAGE":"plain text","__REALTIME_TIMESTAMP":"1"}""");
        Parse("""{"MESSAGE":"second","__CURSOR":"s=1;i=b"}""");

        Assert.Equal(["plain text", "second"], _sink.Lines);
        Assert.Equal("s=1;i=b", _parser.TakeChangedCursor());
        Assert.Null(_parser.TakeChangedCursor());
    }

    [Fact]
    public void Unescapes_strings_and_splits_lines()
    {
        Parse("""{"MESSAGE":"tab\there \"q\" \\ \u00e9\nsecond\r\nthird\n","__CURSOR":"c"}""");

        Assert.Equal(["tab\there \"q\" \\ é", "second", "third"], _sink.Lines);
    }

    [Fact]
    public void Takes_byte_arrays_as_raw_bytes()
    {
        var bytes = new List<byte[]>();
        var parser = new JournalRecordParser(new CapturingSink(bytes), 32, JournalRecordParser.MaxRecordBytes(32));

        parser.OnLine("""{"MESSAGE":[104,105,255,0,10,33],"__CURSOR":"c"}"""u8);

        Assert.Equal([[104, 105, 255, 0], [33]], bytes);
    }

    [Fact]
    public void A_null_or_overlong_message_counts_as_too_long()
    {
        Parse("""{"MESSAGE":null,"__CURSOR":"c1"}""");
        Parse($$"""{"MESSAGE":"{{new string('x', 33)}}\nshort","__CURSOR":"c2"}""");

        Assert.Equal(["short"], _sink.Lines);
        Assert.Equal(2, _sink.TooLong);
        Assert.Equal(2, _parser.TooLong);
        Assert.Equal("c2", _parser.TakeChangedCursor());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"MESSAGE":[1,2,300]}""")]
    [InlineData("""{"MESSAGE":["a"]}""")]
    [InlineData("""{"MESSAGE":"unterminated""")]
    [InlineData("""{"a":{"b":{"c":{"d":{"e":1}}}},"MESSAGE":"deep"}""")]
    public void Malformed_records_are_counted_not_thrown(string json)
    {
        Parse(json);

        Assert.Equal(1, _parser.Malformed);
        Assert.Null(_parser.TakeChangedCursor());
    }

    private void Parse(string json) => _parser.OnLine(Encoding.UTF8.GetBytes(json));

    private sealed class CapturingSink(List<byte[]> lines) : ILogLineSink
    {
        public void OnLine(ReadOnlySpan<byte> line) => lines.Add(line.ToArray());

        public void OnLineTooLong()
        {
        }

        public void OnIdle()
        {
        }
    }
}
