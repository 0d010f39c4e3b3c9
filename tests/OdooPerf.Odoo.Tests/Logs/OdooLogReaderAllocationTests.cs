using System.Text;
using OdooPerf.Odoo.Logs;
using Xunit;

namespace OdooPerf.Odoo.Tests.Logs;

/// <summary>
/// Nothing is allocated per line once the reader is warmed up: a correctness property of the hot path (a tailer reads
/// millions of lines), measured in bytes, not time. Speed is measured by LogParserBenchmarks.
/// </summary>
public sealed class OdooLogReaderAllocationTests
{
    [Fact]
    public void Request_lines_allocate_nothing()
    {
        string[] requests =
        [
            "2024-03-05 10:21:33,123 4242 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 10:21:33] \"POST /web/dataset/call_kw/res.partner/web_search_read HTTP/1.1\" 200 - 12 0.005 0.031",
            "2024-03-05 10:21:33,200 4243 INFO ? werkzeug: 10.1.2.3 - - [05/Mar/2024 10:21:33] \"GET /web/static/img/favicon.ico HTTP/1.1\" 200 - - - -",
            "2024-03-05 10:21:34,001 4242 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 10:21:34] \"POST /web/dataset/call_kw/sale.order/action_confirm HTTP/1.1\" 200 - 160 0.301 0.911 ro->rw",
            "2024-03-06 00:00:00,000 4242 INFO prod werkzeug: 10.1.2.3 - - [06/Mar/2024 00:00:00] \"GET /websocket?version=17.0-3 HTTP/1.1\" 101 - 2 0.001 0.005",
            "2024-03-05 10:21:35,000 4242 \u001b[1;32m\u001b[1;49mINFO\u001b[0m prod werkzeug: 10.1.2.3 - - [05/Mar/2024 10:21:35] \"POST /web/dataset/call_button HTTP/1.1\" 200 - \u001b[1;33m\u001b[1;49m214\u001b[0m \u001b[1;33m\u001b[1;49m0.412\u001b[0m 0.523",
        ];
        var lines = requests.Select(Encoding.UTF8.GetBytes).ToArray();
        var handler = new TouchingHandler();
        var reader = new OdooLogReader(handler);

        Feed(reader, lines, 10_000);
        var allocated = Measure(() => Feed(reader, lines, 100_000));

        Assert.Equal(0, allocated);
        Assert.Equal(110_000 - 1, handler.Requests); // the last line is still pending
    }

    [Fact]
    public void Every_line_of_the_corpus_allocates_nothing()
    {
        var lines = CorpusFiles.AllLines().ToArray();
        var handler = new TouchingHandler();
        var reader = new OdooLogReader(handler);

        Feed(reader, lines, lines.Length * 20);
        var entries = reader.Entries;
        var unparsed = reader.Unparsed;
        var allocated = Measure(() => Feed(reader, lines, lines.Length * 100));

        Assert.Equal(0, allocated);
        Assert.True(reader.Entries - entries > lines.Length * 50, "the corpus is mostly entries");
        Assert.True(reader.Unparsed > unparsed, "the corpus has foreign lines too");
    }

    private static long Measure(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Feed(OdooLogReader reader, byte[][] lines, int count)
    {
        for (var i = 0; i < count; i++)
        {
            reader.ReadLine(lines[i % lines.Length]);
        }
    }

    // Reads what a metrics consumer reads, so that nothing is left lazy and unmeasured.
    private sealed class TouchingHandler : IOdooLogEntryHandler
    {
        public long Requests { get; private set; }

        public double Sum { get; private set; }

        public void OnEntry(in OdooLogEntry entry)
        {
            Sum += entry.Timestamp.Ticks + entry.Pid + entry.Database.Length + entry.Logger.Length + entry.Message.Length
                + entry.Subject.Length + entry.WorkerPid + entry.ContinuationLines + entry.ExceptionType.Length + entry.ExceptionFrame.Length;
            if (!double.IsNaN(entry.Seconds))
            {
                Sum += entry.Seconds;
            }

            if (entry.Kind == OdooLogEntryKind.Request)
            {
                Requests++;
                Sum += entry.Request.Status + entry.Request.Path.Length + entry.Request.Method.Length + entry.Request.DurationSeconds
                    + entry.Request.SqlQueries + entry.Request.CursorMode.Length;
            }
        }

        public void OnUnparsed(OdooLogUnparsedReason reason, ReadOnlySpan<byte> line) => Sum += line.Length;
    }
}
