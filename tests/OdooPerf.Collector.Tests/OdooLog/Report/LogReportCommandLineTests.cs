using System.IO.Compression;
using System.Text;
using System.Text.Json;
using OdooPerf.Testing;
using Xunit;
using static OdooPerf.Collector.Tests.OdooLog.Report.LogText;

namespace OdooPerf.Collector.Tests.OdooLog.Report;

/// <summary>The real <c>odooperf logs report</c> process: output, standard input, and every kind of bad input.</summary>
public sealed class LogReportCommandLineTests : IDisposable
{
    private static readonly DateTime T = Day.AddHours(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("odooperf-logreport-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Writes_json_to_the_output_file()
    {
        var log = Write("odoo.log", Lines(CallKw(T, 100, "res.partner", "read", 10), CallKw(T.AddSeconds(1), 100, "res.partner", "read", 30)));
        var output = Path.Join(_directory, "report.json");

        var result = await CollectorCommand.RunAsync(["logs", "report", "--format", "json", "--output", output, log], timeout: Timeout);

        Assert.Equal((0, string.Empty, string.Empty), (result.ExitCode, result.StandardOutput, result.StandardError));
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(2, json.RootElement.GetProperty("totals").GetProperty("requests").GetInt64());
    }

    [Fact]
    public async Task Reads_standard_input_and_writes_text_to_standard_output()
    {
        var start = CollectorCommand.StartInfo(["logs", "report", "--top", "5", "-"]);

        var result = await ProcessRunner.RunAsync(start, Lines(CallKw(T, 100, "sale.order", "action_confirm", 1500, queries: 420)), Timeout);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sale.order.action_confirm", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("N+1", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("420", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_report_options()
    {
        var result = await CollectorCommand.RunAsync(["logs", "report", "--help"], timeout: Timeout);

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--since", "--until", "--format", "--output", "--top", "--interval" })
        {
            Assert.Contains(option, result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "logs", "report", "/nonexistent/odoo.log" }, "odooperf: /nonexistent/odoo.log: no such file")]
    [InlineData(new[] { "logs", "report", "--since", "yesterday", "odoo.log" }, "odooperf: --since 'yesterday' is not a date")]
    [InlineData(new[] { "logs", "report", "--until", "2024-03-05T10:00:00Z", "odoo.log" }, "odooperf: --until '2024-03-05T10:00:00Z': remove the time zone")]
    [InlineData(new[] { "logs", "report", "--since", "2024-03-06", "--until", "2024-03-05", "odoo.log" }, "is not after --since")]
    [InlineData(new[] { "logs", "report", "--format", "pdf", "odoo.log" }, "odooperf: --format 'pdf': use text, json or html")]
    [InlineData(new[] { "logs", "report", "--interval", "week", "odoo.log" }, "odooperf: --interval 'week': use auto, minute or hour")]
    [InlineData(new[] { "logs", "report", "--top", "0", "odoo.log" }, "odooperf: --top 0")]
    [InlineData(new[] { "logs", "report", "--top", "many", "odoo.log" }, "odooperf: ")]
    [InlineData(new[] { "logs", "report", "--output", "/nonexistent/dir/report.html", "odoo.log" }, "odooperf: cannot write /nonexistent/dir/report.html")]
    [InlineData(new[] { "logs", "report", "-", "-" }, "odooperf: standard input ('-') can be read only once")]
    [InlineData(new[] { "logs", "report" }, "odooperf: ")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_code_2(string[] arguments, string expected)
    {
        Write("odoo.log", Lines(CallKw(T, 100, "res.partner", "read", 10)));
        var start = CollectorCommand.StartInfo(arguments);
        start.WorkingDirectory = _directory;

        var result = await ProcessRunner.RunAsync(start, timeout: Timeout);

        AssertOneLineError(result, expected);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact]
    public async Task A_corrupt_gzip_among_several_files_is_reported_and_the_report_still_written()
    {
        var good = Write("odoo.log", Lines(CallKw(T, 100, "res.partner", "read", 10)));
        var bytes = Gzip(Lines([.. Enumerable.Range(0, 3000).Select(i => CallKw(T.AddSeconds(-i), 100, "res.partner", "read", 10))]));
        for (var i = 12; i < 60; i++)
        {
            bytes[i] ^= 0x33;
        }

        var corrupt = Path.Join(_directory, "odoo.log.1.gz");
        File.WriteAllBytes(corrupt, bytes);
        var output = Path.Join(_directory, "report.html");

        var result = await CollectorCommand.RunAsync(["logs", "report", "--format", "html", "-o", output, corrupt, good], timeout: Timeout);

        AssertOneLineError(result, $"odooperf: {corrupt}: corrupt gzip data");
        var html = File.ReadAllText(output);
        Assert.Contains("INCOMPLETE", html, StringComparison.Ordinal);
    }

    private static void AssertOneLineError(ProcessResult result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got: {result.StandardError}");
        Assert.StartsWith("odooperf: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", result.StandardError, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Join(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
