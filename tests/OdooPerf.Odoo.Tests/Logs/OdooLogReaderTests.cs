using OdooPerf.Odoo.Logs;
using Xunit;

namespace OdooPerf.Odoo.Tests.Logs;

/// <summary>The reader's assembly rules: headers, continuation lines, flushing, counters, unparsed lines.</summary>
public sealed class OdooLogReaderTests
{
    private const string Request16 =
        "2024-03-05 10:21:33,123 4242 INFO prod werkzeug: 10.1.2.3 - - [05/Mar/2024 10:21:33] \"POST /web/dataset/call_kw/res.partner/web_search_read HTTP/1.1\" 200 - 12 0.005 0.031";

    [Fact]
    public void Request_line_gives_every_field()
    {
        var (handler, reader) = RecordingHandler.Read(Request16);

        var entry = Assert.Single(handler.Entries);
        Assert.Equal(
            new RecordedEntry
            {
                Timestamp = new DateTime(2024, 3, 5, 10, 21, 33, 123),
                Pid = 4242,
                Database = "prod",
                Logger = "werkzeug",
                Message = "10.1.2.3 - - [05/Mar/2024 10:21:33] \"POST /web/dataset/call_kw/res.partner/web_search_read HTTP/1.1\" 200 -",
                Kind = OdooLogEntryKind.Request,
                Request = new RecordedRequest
                {
                    Address = "10.1.2.3",
                    Method = "POST",
                    Path = "/web/dataset/call_kw/res.partner/web_search_read",
                    Status = 200,
                    HasPerformance = true,
                    SqlQueries = 12,
                    SqlSeconds = 0.005,
                    RemainingSeconds = 0.031,
                },
            },
            entry);
        Assert.Equal(0.036, handler.Entries[0].Request!.SqlSeconds + handler.Entries[0].Request!.RemainingSeconds, 9);
        Assert.Equal((1, 1, 0), (reader.Lines, reader.Entries, reader.Unparsed));
    }

    [Fact]
    public void Entry_waits_for_the_next_header_or_a_flush()
    {
        var handler = new RecordingHandler();
        var reader = new OdooLogReader(handler);

        reader.ReadLine("2024-03-05 10:21:33,123 4242 ERROR prod odoo.http: Exception during request handling. "u8);
        reader.ReadLine("Traceback (most recent call last):"u8);
        Assert.True(reader.HasPendingEntry);
        Assert.Empty(handler.Entries);

        reader.ReadLine("  File \"/opt/odoo/odoo/http.py\", line 2134, in __call__"u8);
        reader.ReadLine("    response = request._serve_db()"u8);
        reader.ReadLine("odoo.exceptions.UserError: Nope"u8);
        reader.ReadLine(System.Text.Encoding.UTF8.GetBytes(Request16));
        var first = Assert.Single(handler.Entries);
        Assert.Equal(OdooLogEntryKind.Traceback, first.Kind);
        Assert.Equal(4, first.ContinuationLines);
        Assert.Equal("Exception during request handling.", first.Message);
        Assert.Equal("odoo.exceptions.UserError", first.ExceptionType);
        Assert.Equal("File \"/opt/odoo/odoo/http.py\", line 2134, in __call__", first.ExceptionFrame);

        Assert.True(reader.HasPendingEntry);
        reader.Flush();
        Assert.False(reader.HasPendingEntry);
        Assert.Equal(2, handler.Entries.Count);
        Assert.Equal(OdooLogEntryKind.Request, handler.Entries[1].Kind);
        Assert.Equal((6, 2, 0), (reader.Lines, reader.Entries, reader.Unparsed));
    }

    [Fact]
    public void Continuation_without_an_entry_is_foreign()
    {
        var (handler, reader) = RecordingHandler.Read("  File \"x.py\", line 1, in f\nhello world\n");

        Assert.Empty(handler.Entries);
        Assert.Equal([OdooLogUnparsedReason.Foreign, OdooLogUnparsedReason.Foreign], handler.Unparsed.Select(u => u.Reason));
        Assert.Equal((2, 0, 2), (reader.Lines, reader.Entries, reader.Unparsed));
    }

    [Fact]
    public void Header_cut_after_the_pid_is_malformed_and_ends_the_pending_entry()
    {
        var (handler, reader) = RecordingHandler.Read(Request16 + "\n2024-03-05 10:21:34,001 4242\nTraceback (most recent call last):\n");

        Assert.Single(handler.Entries);
        Assert.Equal([OdooLogUnparsedReason.Malformed, OdooLogUnparsedReason.Foreign], handler.Unparsed.Select(u => u.Reason));
        Assert.Equal((3, 1, 2), (reader.Lines, reader.Entries, reader.Unparsed));
    }

    [Fact]
    public void Line_over_the_limit_is_too_long_and_leaves_the_pending_entry_open()
    {
        var handler = new RecordingHandler();
        var reader = new OdooLogReader(handler, maxLineBytes: 1024);
        reader.ReadLine("2024-03-05 10:21:33,123 4242 ERROR prod odoo.sql_db: bad query: SELECT 1 "u8);
        reader.ReadLine(new byte[2048]);
        reader.SkipTooLongLine();
        reader.ReadLine("ERROR: could not serialize access due to concurrent update"u8);
        reader.Flush();

        var entry = Assert.Single(handler.Entries);
        Assert.Equal(1, entry.ContinuationLines);
        Assert.Equal([OdooLogUnparsedReason.TooLong, OdooLogUnparsedReason.TooLong], handler.Unparsed.Select(u => u.Reason));
        Assert.Equal((4, 1, 2), (reader.Lines, reader.Entries, reader.Unparsed));
    }

    [Fact]
    public void Crlf_and_colours_are_removed()
    {
        var (handler, _) = RecordingHandler.Read(
            "2024-03-05 10:21:33,123 4242 \u001b[1;32m\u001b[1;49mINFO\u001b[0m prod werkzeug: 10.1.2.3 - - [05/Mar/2024 10:21:33] \"GET /web HTTP/1.1\" 200 - 150 \u001b[1;33m\u001b[1;49m0.150\u001b[0m \u001b[1;31m\u001b[1;49m5.500\u001b[0m\r\n");

        var entry = Assert.Single(handler.Entries);
        Assert.Equal(OdooLogLevel.Info, entry.Level);
        Assert.Equal("10.1.2.3 - - [05/Mar/2024 10:21:33] \"GET /web HTTP/1.1\" 200 -", entry.Message);
        Assert.Equal(new RecordedRequest
        {
            Address = "10.1.2.3", Method = "GET", Path = "/web", Status = 200, HasPerformance = true, SqlQueries = 150, SqlSeconds = 0.150, RemainingSeconds = 5.5,
        }, entry.Request);
    }
}
