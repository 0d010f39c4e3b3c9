using System.IO.Compression;
using System.Text;
using OdooPerf.Collector.OdooLog.Report;
using Xunit;
using static OdooPerf.Collector.Tests.OdooLog.Report.LogText;

namespace OdooPerf.Collector.Tests.OdooLog.Report;

/// <summary>Plain, gzip (by content, not name), standard input, several files, and inputs that break.</summary>
public sealed class LogReportInputTests : IDisposable
{
    private static readonly DateTime T = Day.AddHours(10);
    private readonly string _directory = Directory.CreateTempSubdirectory("odooperf-logreport-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Gzip_is_recognised_by_its_content_whatever_the_name()
    {
        var plain = Write("plain.log", Lines(CallKw(T, 100, "res.partner", "read", 10)));
        var hidden = WriteGzip("odoo.log", Lines(CallKw(T, 100, "res.partner", "read", 10), CallKw(T.AddSeconds(1), 100, "res.partner", "read", 20)));

        var report = Run([plain, hidden]).Report;

        Assert.Equal([false, true], report.Inputs.Select(i => i.Compressed));
        Assert.Equal(3, report.Totals.Requests);
        Assert.Equal([1L, 2L], report.Inputs.Select(i => i.Lines));
    }

    [Fact]
    public void Standard_input_may_be_plain_or_gzip()
    {
        var log = Lines(CallKw(T, 100, "res.partner", "read", 10), CallKw(T.AddSeconds(1), 100, "sale.order", "read", 10));

        var plain = LogReportRunner.Run(["-"], new LogReportSettings(), "test", () => new MemoryStream(Encoding.UTF8.GetBytes(log))).Report;
        var gzip = LogReportRunner.Run(["-"], new LogReportSettings(), "test", () => new MemoryStream(Gzip(log))).Report;

        Assert.Equal((2L, false), (plain.Totals.Requests, plain.Inputs[0].Compressed));
        Assert.Equal((2L, true), (gzip.Totals.Requests, gzip.Inputs[0].Compressed));
        Assert.Equal("(stdin)", gzip.Inputs[0].Name);
    }

    [Fact]
    public void Files_are_read_in_the_order_given_and_a_traceback_cut_by_rotation_stays_whole()
    {
        // The traceback starts at the end of the rotated file and ends in the current one.
        var older = WriteGzip("odoo.log.1.gz", Lines(
            CallKw(T, 100, "res.partner", "read", 10),
            Line(T.AddSeconds(1), 102, "ERROR", "odoo.http", "Exception during request handling."),
            "Traceback (most recent call last):",
            "  File \"/opt/odoo/odoo/http.py\", line 2367, in __call__"));
        var current = Write("odoo.log", Lines(
            "  File \"/opt/odoo/addons/sale/models/sale_order.py\", line 874, in action_confirm",
            "    raise",
            "KeyError: 'price_total'",
            CallKw(T.AddSeconds(2), 102, "sale.order", "action_confirm", 30)));

        var report = Run([older, current]).Report;

        var traceback = Assert.Single(report.Tracebacks);
        Assert.Equal(("KeyError", Frame("/opt/odoo/addons/sale/models/sale_order.py", 874, "action_confirm")), (traceback.ExceptionType, traceback.Frame));
        Assert.Equal(1, report.Totals.Errors);
        Assert.Equal(0, report.Totals.UnparsedLines);
        Assert.Equal([older, current], report.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_skipped_and_counted_and_its_neighbours_are_read()
    {
        var huge = CallKw(T.AddSeconds(1), 100, "res.partner", "read", 10).Replace("/read", "/" + new string('x', 200_000), StringComparison.Ordinal);
        var file = Write("long.log", Lines(CallKw(T, 100, "res.partner", "read", 10), huge, CallKw(T.AddSeconds(2), 100, "res.partner", "read", 10)));

        var report = Run([file]).Report;

        Assert.Equal(2, report.Totals.Requests);
        Assert.Equal(1, report.Totals.UnparsedTooLong);
        Assert.Equal(3, report.Totals.Lines);
    }

    [Fact]
    public void A_last_line_without_newline_and_crlf_lines_are_read()
    {
        var file = Write("crlf.log", CallKw(T, 100, "res.partner", "read", 10) + "\r\n" + CallKw(T.AddSeconds(1), 100, "res.partner", "read", 20));

        var report = Run([file]).Report;

        Assert.Equal(2, report.Totals.Requests);
        Assert.Equal(0.02, report.Overall.MaxSeconds);
    }

    [Fact]
    public void A_corrupt_gzip_file_is_an_error_but_the_other_files_are_still_reported()
    {
        var good = Write("odoo.log", Lines(CallKw(T, 100, "res.partner", "read", 10)));
        var bytes = Gzip(Lines([.. Enumerable.Range(0, 2000).Select(i => CallKw(T.AddSeconds(i), 100, "res.partner", "read", 10))]));
        for (var i = 12; i < 40; i++)
        {
            bytes[i] ^= 0x5a;
        }

        var corrupt = Path.Join(_directory, "odoo.log.1.gz");
        File.WriteAllBytes(corrupt, bytes);

        var result = Run([corrupt, good]);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"{corrupt}: corrupt gzip data", error, StringComparison.Ordinal);
        Assert.Contains(result.Report.Inputs, i => i.Name == corrupt && i.Error is not null);
        Assert.True(result.Report.Totals.Requests >= 1);
        Assert.Contains(result.Report.Notes, n => n.StartsWith(corrupt, StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_gzip_file_is_an_error_and_what_it_held_is_reported()
    {
        var lines = Enumerable.Range(0, 5000).Select(i => CallKw(T.AddSeconds(i), 100, "res.partner", "read", 10)).ToArray();
        var bytes = Gzip(Lines(lines));
        var truncated = Path.Join(_directory, "odoo.log.2.gz");
        File.WriteAllBytes(truncated, bytes.AsSpan(0, bytes.Length - 20).ToArray());

        var result = Run([truncated]);

        Assert.Equal($"{truncated}: gzip data ends early: the file is truncated", Assert.Single(result.Errors));
        Assert.InRange(result.Report.Totals.Requests, 1, lines.Length);
    }

    [Fact]
    public void A_missing_file_fails_before_anything_is_read()
    {
        var good = Write("odoo.log", Lines(CallKw(T, 100, "res.partner", "read", 10)));
        var missing = Path.Join(_directory, "nope.log");

        var error = Assert.Throws<LogReportException>(() => Run([good, missing]));

        Assert.Equal($"{missing}: no such file", error.Message);
    }

    [Fact]
    public void A_directory_is_not_a_log()
    {
        var error = Assert.Throws<LogReportException>(() => Run([_directory]));

        Assert.Equal($"{_directory}: is a directory", error.Message);
    }

    [Fact]
    public void Foreign_and_binary_lines_are_counted_not_thrown()
    {
        var garbage = new byte[] { 0, 1, 2, 0xff, 0xfe, (byte)'\n' };
        var file = Path.Join(_directory, "mixed.log");
        File.WriteAllBytes(file, [.. garbage, .. Encoding.UTF8.GetBytes("not an odoo line at all\n" + Lines(CallKw(T, 100, "res.partner", "read", 10)))]);

        var report = Run([file]).Report;

        Assert.Equal(1, report.Totals.Requests);
        Assert.Equal(2, report.Totals.UnparsedLines);
    }

    private LogReportResult Run(string[] files) => LogReportRunner.Run(files, new LogReportSettings(), "test");

    private string Write(string name, string content)
    {
        var path = Path.Join(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string WriteGzip(string name, string content)
    {
        var path = Path.Join(_directory, name);
        File.WriteAllBytes(path, Gzip(content));
        return path;
    }
}
