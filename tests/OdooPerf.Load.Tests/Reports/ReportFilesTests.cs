using OdooPerf.Load.Reports;
using Xunit;

namespace OdooPerf.Load.Tests.Reports;

public sealed class ReportFilesTests : IDisposable
{
    private readonly string _root = Path.Join(Path.GetTempPath(), $"odooperf-reports-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Writes_the_three_reports_into_a_new_directory_and_nothing_else()
    {
        var report = LoadReportBuilder.Build(TestRuns.Simple(), "files");
        var directory = Path.Join(_root, "a", "b");

        var paths = ReportFiles.WriteAll(directory, report);

        Assert.Equal(["report.html", "report.json", "report.md"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Path.Join(Path.GetFullPath(directory), "report.json"), paths.Json);
        Assert.Equal(report.Totals.Requests, LoadReportJson.Read(paths.Json).Totals.Requests);
        Assert.StartsWith("# Load test report: `files`", File.ReadAllText(paths.Markdown), StringComparison.Ordinal);
        Assert.StartsWith("<!doctype html>", File.ReadAllText(paths.Html), StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_again_replaces_the_previous_reports()
    {
        var first = LoadReportBuilder.Build(TestRuns.Simple(), "first");
        var second = first with { Title = "second" };

        ReportFiles.WriteAll(_root, first);
        var paths = ReportFiles.WriteAll(_root, second);

        Assert.Equal("second", LoadReportJson.Read(paths.Json).Title);
        Assert.Contains("second", File.ReadAllText(paths.Html), StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(_root).Length);
    }
}
