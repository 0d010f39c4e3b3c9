namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// One request kept for the report (among the slowest, or the ones with the most SQL queries). The path
/// has its query string removed: query strings can carry access tokens. The client address is never kept.
/// </summary>
public sealed record RequestSample(
    DateTime Timestamp,
    int Pid,
    string Database,
    string Method,
    string Path,
    int Status,
    double Seconds,
    int SqlQueries,
    double SqlSeconds);
