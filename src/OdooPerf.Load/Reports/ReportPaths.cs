namespace OdooPerf.Load.Reports;

/// <summary>Where <see cref="ReportFiles.WriteAll"/> wrote the three reports (full paths).</summary>
public sealed record ReportPaths(string Json, string Markdown, string Html);
