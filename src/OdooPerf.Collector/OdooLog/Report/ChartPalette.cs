namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// The series colours of the HTML report's charts. Each colour belongs to one chart only, so a screenshot
/// test can tell which charts rendered by counting pixels of each colour.
/// </summary>
internal static class ChartPalette
{
    public const string LatencyP50 = "#1f77b4";
    public const string LatencyP95 = "#ff7f0e";
    public const string LatencyP99 = "#d62728";
    public const string Requests = "#2ca02c";
    public const string Errors = "#c2008f";
    public const string MemorySoft = "#e6c229";
    public const string MemoryHard = "#8c564b";
    public const string Cpu = "#17becf";
    public const string RealTime = "#6a3d9a";
    public const string RequestLimit = "#a9a9a9";
    public const string Routes = "#00897b";
    public const string ModelMethods = "#3949ab";
    public const string Paths = "#5d8aa8";
    public const string Crons = "#b8860b";
    public const string CronFailures = "#ff4500";
    public const string Tracebacks = "#800000";
    public const string LoginFailures = "#ff69b4";
    public const string StatusCodes = "#9acd32";

    /// <summary>Worker limit colours in <see cref="WorkerEvent"/> index order.</summary>
    public static readonly string[] WorkerEvents = [MemorySoft, MemoryHard, Cpu, RealTime, RequestLimit];
}
