using OdooPerf.Load.Reports;

namespace OdooPerf.LoadTests.Running;

/// <summary>Writes a run's (or a merge's) report.json, report.md and report.html into its directory.</summary>
internal static class ReportOutput
{
    /// <returns>The paths written, for the summary.</returns>
    public static IReadOnlyList<string> Write(string directory, LoadReport report)
    {
        var paths = ReportFiles.WriteAll(directory, report);
        return [paths.Json, paths.Markdown, paths.Html];
    }
}
