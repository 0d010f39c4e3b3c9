using OdooPerf.Collector.OdooLog.Report;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Report;

/// <summary>
/// The HTML report as a person sees it: headless Chromium renders it and takes a screenshot, and each chart
/// must show its own series colour over a plausible area. A chart that failed to render (bad SVG, a
/// broken path, nothing drawn) leaves its colour missing from the picture.
/// </summary>
public sealed class LogReportChromiumTests : IDisposable
{
    private const int WindowWidth = 1280;
    private const int WindowHeight = 4000;
    private static readonly TimeSpan ChromiumTimeout = TimeSpan.FromSeconds(90);

    private readonly string _directory = Directory.CreateTempSubdirectory("odooperf-logreport-chromium-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Every_chart_renders_in_chromium()
    {
        var chromium = ExternalTool.Require(ExternalTool.Chromium);
        var log = Path.Join(_directory, "odoo.log");
        var written = new SyntheticOdooLog(seed: 11);
        using (var file = File.Create(log))
        {
            // Five hours: minute buckets, a bad spell in the middle with worker kills, failed crons and logins.
            written.Write(file, 2_500_000, TimeSpan.FromHours(5));
        }

        var report = LogReportRunner.Run([log], new LogReportSettings(), "odooperf test").Report;
        Assert.Equal("minute", report.Timeline.Interval);
        Assert.Equal(written.Requests, report.Totals.Requests);
        Assert.True(report.Workers.Limits.MemorySoft > 0 && report.Crons.Sum(c => c.Failed) > 0 && report.Logins.Failed > 0, "the synthetic log lacks events a chart needs");

        var png = await Screenshot(chromium, report);

        Assert.Equal((WindowWidth, WindowHeight), (png.Width, png.Height));
        var charts = new (string Chart, string Colour)[]
        {
            ("latency p50", ChartPalette.LatencyP50),
            ("latency p95", ChartPalette.LatencyP95),
            ("latency p99", ChartPalette.LatencyP99),
            ("requests per second", ChartPalette.Requests),
            ("errors", ChartPalette.Errors),
            ("worker memory limit", ChartPalette.MemorySoft),
            ("worker real time limit", ChartPalette.RealTime),
            ("login failures", ChartPalette.LoginFailures),
            ("route groups", ChartPalette.Routes),
            ("models and methods", ChartPalette.ModelMethods),
            ("paths", ChartPalette.Paths),
            ("cron jobs", ChartPalette.Crons),
            ("tracebacks", ChartPalette.Tracebacks),
            ("status codes", ChartPalette.StatusCodes),
        };
        var area = png.Width * png.Height;
        foreach (var (chart, colour) in charts)
        {
            var pixels = png.CountPixels(colour);
            Assert.True(pixels is >= 150 && pixels < area / 10, $"the {chart} chart shows {pixels} pixels of {colour}; a rendered chart shows from 150 to {area / 10}");
        }
    }

    [Fact]
    public async Task A_log_without_requests_draws_no_request_series()
    {
        // The other side of the check above: the colours really come from the charts, not from the page.
        var chromium = ExternalTool.Require(ExternalTool.Chromium);
        var log = Path.Join(_directory, "quiet.log");
        File.WriteAllText(log, LogText.Lines(
            LogText.Line(LogText.Day.AddHours(10), 200, "INFO", "odoo.addons.base.models.ir_cron", "Job done: `Digest Emails` (2.000s).")));
        var report = LogReportRunner.Run([log], new LogReportSettings(), "odooperf test").Report;

        var png = await Screenshot(chromium, report);

        Assert.True(png.CountPixels(ChartPalette.Crons) >= 150, "the cron chart should still render");
        foreach (var colour in new[] { ChartPalette.LatencyP50, ChartPalette.LatencyP95, ChartPalette.LatencyP99, ChartPalette.ModelMethods, ChartPalette.Errors })
        {
            Assert.True(png.CountPixels(colour) < 150, $"{colour} drawn without data");
        }
    }

    private async Task<PngImage> Screenshot(string chromium, LogReport report)
    {
        var html = Path.Join(_directory, $"report-{Guid.NewGuid():N}.html");
        File.WriteAllBytes(html, LogReportCommand.Render(report, LogReportFormat.Html));
        var png = Path.ChangeExtension(html, ".png");
        var profile = Path.Join(_directory, "profile");

        // Bounded: ProcessRunner kills the whole process tree when the timeout passes.
        var result = await ProcessRunner.RunAsync(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                $"--user-data-dir={profile}", $"--screenshot={png}", $"--window-size={WindowWidth},{WindowHeight}", new Uri(html).AbsoluteUri,
            ],
            timeout: ChromiumTimeout);

        Assert.True(File.Exists(png), $"chromium wrote no screenshot (exit {result.ExitCode}): {result.StandardError}");
        return PngImage.Load(png);
    }
}
