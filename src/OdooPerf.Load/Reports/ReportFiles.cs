using System.Text;

namespace OdooPerf.Load.Reports;

/// <summary>Writes report.json, report.md and report.html into a directory, each whole or not at all.</summary>
public static class ReportFiles
{
    /// <summary>
    /// Creates <paramref name="directory"/> if needed and writes the three reports (each to a temporary file, then
    /// renamed over any previous one). report.json goes first: it is the one CI and merges read.
    /// </summary>
    public static ReportPaths WriteAll(string directory, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(report);
        var full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        var paths = new ReportPaths(
            Path.Join(full, LoadReportJson.FileName),
            Path.Join(full, MarkdownReportWriter.FileName),
            Path.Join(full, HtmlReportWriter.FileName));

        LoadReportJson.Write(paths.Json, report);
        WriteText(paths.Markdown, MarkdownReportWriter.Write(report));
        WriteText(paths.Html, HtmlReportWriter.Write(report));
        return paths;
    }

    private static void WriteText(string path, string text)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}
