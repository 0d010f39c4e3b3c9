namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>Bad input for <c>odooperf logs report</c>: its message is the one line the user sees after <c>odooperf: </c>.</summary>
public sealed class LogReportException(string message) : Exception(message)
{
}
