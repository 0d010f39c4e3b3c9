using System.Text;
using BenchmarkDotNet.Attributes;
using OdooPerf.Odoo.Logs;

namespace OdooPerf.Benchmarks;

/// <summary>
/// The Odoo log parser on a realistic mix of werkzeug request lines (Odoo 12 to 19 formats: call_kw, static files with
/// and without perf fields, websocket, reports, XML-RPC, cursor modes, a coloured line), against the cheapest thing any
/// line reader must do: find the newlines (what <c>grep -c</c> does). Each operation is one line, so the Mean column is
/// time per line and Allocated is bytes per line; the Ratio column is the figure to quote.
/// </summary>
[MemoryDiagnoser]
public class LogParserBenchmarks
{
    private const int LineCount = 100_000;

    // One of each, as the corpus has them (tests/OdooPerf.Odoo.Tests/Logs/Fixtures); call_kw dominates real traffic.
    private static readonly string[] RequestLines =
    [
        "2024-03-05 08:00:15,402 1001 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:15] \"POST /web/dataset/call_kw/res.partner/web_search_read HTTP/1.1\" 200 - 12 0.005 0.031",
        "2024-03-05 08:00:15,650 1001 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:15] \"POST /web/dataset/call_kw/sale.order/read HTTP/1.1\" 200 - 23 0.014 0.087",
        "2024-03-05 08:00:15,702 1002 INFO prod werkzeug: 10.1.2.4 - - [05/Mar/2024 08:00:15] \"POST /web/dataset/call_kw/sale.order/onchange HTTP/1.1\" 200 - 41 0.022 0.140",
        "2024-03-05 08:00:16,002 1001 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:16] \"POST /web/dataset/call_button HTTP/1.1\" 200 - 214 0.412 1.523",
        "2024-03-05 08:00:05,120 1001 INFO ? werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:05] \"GET /web/static/src/img/favicon.ico HTTP/1.1\" 200 - - - -",
        "2024-03-05 08:00:05,122 1001 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:05] \"GET /web/content/412-6a4f3b2/web.assets_common.js HTTP/1.1\" 304 - 4 0.002 0.011",
        "2024-03-05 08:00:16,500 1001 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:16] \"GET /websocket?version=17.0-3 HTTP/1.1\" 101 - 2 0.001 0.005",
        "2024-03-05 08:00:16,600 1002 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:16] \"POST /longpolling/poll HTTP/1.1\" 200 - 6 0.004 50.012",
        "2024-03-05 08:00:17,020 1001 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:17] \"GET /report/pdf/sale.report_saleorder/42 HTTP/1.1\" 200 - 88 0.210 3.874",
        "2024-03-05 08:00:18,331 1001 INFO prod werkzeug: 10.1.2.9 - - [05/Mar/2024 08:00:18] \"POST /xmlrpc/2/object HTTP/1.1\" 200 - 5 0.002 0.010",
        "2024-03-05 12:00:06,010 3001 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 12:00:06] \"POST /web/dataset/call_kw/sale.order/action_confirm HTTP/1.1\" 200 - 160 0.301 0.911 ro->rw",
        "2024-03-05 08:00:17,100 1001 INFO prod werkzeug: 10.1.2.9 - - [05/Mar/2024 08:00:17] \"POST /jsonrpc#sale.order.search_read HTTP/1.1\" 200 - 8 0.004 0.022 ro",
        "2024-03-05 08:00:06,001 1001 \u001b[1;32m\u001b[1;49mINFO\u001b[0m prod werkzeug: 10.1.2.3 - - [05/Mar/2024 08:00:06] \"POST /web/dataset/call_kw/res.partner/write HTTP/1.1\" 200 - \u001b[1;33m\u001b[1;49m214\u001b[0m \u001b[1;33m\u001b[1;49m0.412\u001b[0m 0.523",
    ];

    private byte[] _log = [];
    private OdooLogReader _reader = null!;
    private TouchingHandler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (var i = 0; i < LineCount; i++)
        {
            // call_kw lines three times as often as the others.
            var index = i % (RequestLines.Length + 6);
            text.Append(RequestLines[index < RequestLines.Length ? index : (index - RequestLines.Length) % 3]).Append('\n');
        }

        _log = Encoding.UTF8.GetBytes(text.ToString());
        _handler = new TouchingHandler();
        _reader = new OdooLogReader(_handler);
    }

    /// <summary>The floor: count the lines, as <c>grep -c</c> does.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = LineCount)]
    public int CountNewlines()
    {
        ReadOnlySpan<byte> rest = _log;
        var lines = 0;
        int newline;
        while ((newline = rest.IndexOf((byte)'\n')) >= 0)
        {
            lines++;
            rest = rest[(newline + 1)..];
        }

        return lines;
    }

    /// <summary>Split the same buffer into lines and parse each into an entry that a handler reads.</summary>
    [Benchmark(OperationsPerInvoke = LineCount)]
    public long ParseRequestLines()
    {
        ReadOnlySpan<byte> rest = _log;
        int newline;
        while ((newline = rest.IndexOf((byte)'\n')) >= 0)
        {
            _reader.ReadLine(rest[..newline]);
            rest = rest[(newline + 1)..];
        }

        _reader.Flush();
        return _handler.Requests;
    }

    // Reads what the live metrics read, so the benchmark cannot skip work the real consumer needs.
    private sealed class TouchingHandler : IOdooLogEntryHandler
    {
        public long Requests { get; private set; }

        public double Sum { get; private set; }

        public void OnEntry(in OdooLogEntry entry)
        {
            if (entry.Kind != OdooLogEntryKind.Request)
            {
                return;
            }

            Requests++;
            Sum += entry.Timestamp.Ticks + (int)entry.Level + entry.Logger.Length + entry.Database.Length + entry.Request.Status
                + entry.Request.Path.Length + entry.Request.Method.Length + entry.Request.SqlQueries + entry.Request.SqlSeconds
                + entry.Request.DurationSeconds + entry.Request.CursorMode.Length;
        }

        public void OnUnparsed(OdooLogUnparsedReason reason, ReadOnlySpan<byte> line) => Sum += line.Length;
    }
}
