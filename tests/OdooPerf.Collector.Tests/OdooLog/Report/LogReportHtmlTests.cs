using System.Text;
using System.Text.RegularExpressions;
using OdooPerf.Collector.OdooLog.Report;
using Xunit;
using static OdooPerf.Collector.Tests.OdooLog.Report.LogText;

namespace OdooPerf.Collector.Tests.OdooLog.Report;

/// <summary>The HTML report is one self-contained page, and nothing from the log can become markup.</summary>
public sealed partial class LogReportHtmlTests
{
    private const string Evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
    private static readonly DateTime T = Day.AddHours(10);

    [Fact]
    public void Text_from_the_log_is_escaped_everywhere_it_appears()
    {
        const string Cron = "odoo.addons.base.models.ir_cron";
        var log = Lines(
            Request(T, 100, "GET", "/shop/" + Evil.Replace(" ", "%20", StringComparison.Ordinal), 500, 3000, 1, 2, database: "db<b>x</b>"),
            Line(T.AddSeconds(1), 101, "ERROR", "odoo.http", "Exception during request handling."),
            Traceback("KeyError", "/opt/<script>alert(3)</script>.py", 1, "<b>f</b>"),
            Line(T.AddSeconds(2), 200, "INFO", Cron, $"Job done: `{Evil}` (1.500s)."));
        var report = ReportOn(log);

        // The parser only accepts dotted names as exception types; the writers must not rely on it.
        report = report with
        {
            Tracebacks = [.. report.Tracebacks, new TracebackRow(Evil, Evil, Evil, false, 1, T, T)],
            Notes = [.. report.Notes, Evil],
            Inputs = [.. report.Inputs, new LogReportInput(Evil, false, 1, 1, Evil)],
        };
        var html = Encoding.UTF8.GetString(LogReportCommand.Render(report, LogReportFormat.Html));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("db&lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);

        // Every tag in the page is one the writer emits on purpose.
        var tags = TagName().Matches(html).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet();
        string[] allowed = ["!doctype", "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "div", "ul", "li", "svg", "g", "rect", "line", "polyline", "circle", "text", "table", "thead", "tbody", "tr", "th", "td", "details", "summary"];
        Assert.Empty(tags.Except(allowed));
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        var log = Lines(CallKw(T, 100, "res.partner", "read", 10), CallKw(T.AddMinutes(1), 100, "res.partner", "read", 20));
        var html = Encoding.UTF8.GetString(LogReportCommand.Render(ReportOn(log), LogReportFormat.Html));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        // The only URL is the SVG namespace, which is a name, not something fetched.
        Assert.All(UrlPattern().Matches(html), m => Assert.Equal("http://www.w3.org/2000/svg", m.Value));
        Assert.Contains("id=\"chart-latency\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-requests\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_report_shows_no_control_characters_from_the_log()
    {
        // Backspaces and a C1 control sequence introducer (U+009B) could rewrite what the reader sees.
        var log = Lines(Request(T, 100, "GET", "/web/a\u0008\u0008b\u009b31mc", 200, 1, 0, 0.01));
        var text = Encoding.UTF8.GetString(LogReportCommand.Render(ReportOn(log), LogReportFormat.Text));

        Assert.DoesNotContain('\u0008', text);
        Assert.DoesNotContain('\u009b', text);
        Assert.Contains("/web/a??b?31mc", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<\s*([!a-zA-Z][a-zA-Z0-9]*)")]
    private static partial Regex TagName();

    [GeneratedRegex(@"(https?:)?//[a-zA-Z0-9.\-]+\.[a-z]{2,}[^""'\s<)]*")]
    private static partial Regex UrlPattern();
}
