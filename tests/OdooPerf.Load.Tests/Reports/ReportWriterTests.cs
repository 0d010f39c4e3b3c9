using System.Text.RegularExpressions;
using System.Xml.Linq;
using OdooPerf.Load.Reports;
using OdooPerf.Load.Running;
using Xunit;

namespace OdooPerf.Load.Tests.Reports;

public sealed partial class ReportWriterTests
{
    private const string Evil = "<script>alert('x')</script>";

    private static LoadReport Report(StopReason stop = StopReason.Completed) =>
        LoadReportBuilder.Build(TestRuns.Result(TestRuns.Play(20, (s, t) =>
        {
            TestRuns.Workload(s, t, 2);
            s.Step(Evil, "a&b").RecordFailure(TimeSpan.FromMilliseconds(5), "<b>bold</b>", 500);
            s.Users(Evil).Set(1);
        }), stop, thresholds: ["p95 < 3s", "browse/list: fail_rate < 1%", "checkout/pay: p99 < 1ms"]), "http GET http://127.0.0.1:8080/?a=1&b=<2>");

    [Fact]
    public void Every_svg_chart_is_well_formed_xml()
    {
        var html = HtmlReportWriter.Write(Report());

        var charts = SvgPattern().Matches(html);
        Assert.Equal(5, charts.Count);
        foreach (Match chart in charts)
        {
            var svg = XElement.Parse(chart.Value);
            Assert.Equal("svg", svg.Name.LocalName);
            Assert.True(svg.Descendants().Count() > 10, "a chart should draw something");
        }

        Assert.Contains("id=\"chart-latency\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-users\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-dropped\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained_and_escapes_every_name()
    {
        var html = HtmlReportWriter.Write(Report());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("a&amp;b", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("?a=1&amp;b=&lt;2&gt;", html, StringComparison.Ordinal);
        foreach (var outside in new[] { "src=", "href=", "<link", "@import", "url(" })
            Assert.DoesNotContain(outside, html, StringComparison.OrdinalIgnoreCase);

        string[] allowed = ["!doctype", "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "div", "strong", "footer",
            "svg", "g", "rect", "line", "polyline", "circle", "text", "table", "thead", "tbody", "tr", "th", "td"];
        var tags = TagPattern().Matches(html).Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct().ToArray();
        Assert.Empty(tags.Except(allowed));
    }

    [Fact]
    public void An_incomplete_run_has_a_banner_and_a_complete_one_has_none()
    {
        var incomplete = HtmlReportWriter.Write(Report(StopReason.Interrupted));
        var complete = HtmlReportWriter.Write(Report());

        Assert.Contains("<div class=\"banner incomplete\" id=\"incomplete\"><strong>INCOMPLETE RUN</strong> (interrupted)", incomplete, StringComparison.Ordinal);
        Assert.DoesNotContain("INCOMPLETE", complete, StringComparison.Ordinal);
        Assert.Contains("**INCOMPLETE RUN** (interrupted)", MarkdownReportWriter.Write(Report(StopReason.Interrupted)), StringComparison.Ordinal);
        Assert.DoesNotContain("INCOMPLETE", MarkdownReportWriter.Write(Report()), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_reports_show_every_threshold_verdict_and_every_step()
    {
        var report = Report();
        var markdown = MarkdownReportWriter.Write(report);
        var html = HtmlReportWriter.Write(report);

        Assert.Equal(3, report.Thresholds.Count);
        foreach (var threshold in report.Thresholds)
        {
            Assert.Contains(threshold.Line, markdown, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(threshold.Line), html, StringComparison.Ordinal);
        }

        Assert.Contains("- **PASS** `p95 < 3s: ", markdown, StringComparison.Ordinal);
        Assert.Contains("- **FAIL** `fail_rate < 1% on browse/list: ", markdown, StringComparison.Ordinal);
        Assert.Contains("Thresholds: 2 of 3 failed", html, StringComparison.Ordinal);
        var list = report.Scenarios[0].Steps.Single(s => s.Name == "list");
        Assert.Contains($"| `browse` | `list` | {list.Requests:N0} | {list.Failed:N0} | ", markdown, StringComparison.Ordinal);
        Assert.Contains("| `<script>alert('x')</script>` | `a&b` |", markdown, StringComparison.Ordinal);
        Assert.Contains("Dropped iterations.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_baseline_comparison_appears_in_both_reports()
    {
        var report = Report();
        var compared = report.WithBaseline(report, "old/report.json");

        var markdown = MarkdownReportWriter.Write(compared);
        var html = HtmlReportWriter.Write(compared);

        Assert.Contains("## Compared with the baseline", markdown, StringComparison.Ordinal);
        Assert.Contains("| `browse/list` | ", markdown, StringComparison.Ordinal);
        Assert.Contains("+0%", markdown, StringComparison.Ordinal);
        Assert.Contains("<table id=\"baseline\">", html, StringComparison.Ordinal);
        Assert.Contains("old/report.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Compared with the baseline", MarkdownReportWriter.Write(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_series_still_renders()
    {
        var report = LoadReportBuilder.Build(TestRuns.Result(TestRuns.Play(0, (_, _) => { })), "empty");

        var html = HtmlReportWriter.Write(report);

        Assert.Contains("too short for a time series", html, StringComparison.Ordinal);
        Assert.Contains("Thresholds: none declared", html, StringComparison.Ordinal);
        Assert.Contains("| Requests | 0 (0/s) |", MarkdownReportWriter.Write(report), StringComparison.Ordinal);
    }

    [GeneratedRegex("<svg[^>]*>.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();

    [GeneratedRegex("<(!?[a-zA-Z0-9]+)")]
    private static partial Regex TagPattern();
}
