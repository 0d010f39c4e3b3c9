namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>The <c>--format</c> of <c>odooperf logs report</c>.</summary>
public enum LogReportFormat
{
    Text,
    Json,
    Html,
}
