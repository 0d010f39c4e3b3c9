namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>Tracebacks of one exception type raised at one place.</summary>
internal sealed class TracebackStats
{
    public string ExceptionType { get; set; } = "other";

    public string Frame { get; set; } = string.Empty;

    /// <summary>The logger of the first one seen (e.g. <c>odoo.http</c> for a request, <c>odoo.addons.base.models.ir_cron</c>).</summary>
    public string Logger { get; set; } = string.Empty;

    public long Count { get; set; }

    public DateTime FirstSeen { get; set; } = DateTime.MaxValue;

    public DateTime LastSeen { get; set; } = DateTime.MinValue;

    public void Seen(DateTime timestamp)
    {
        Count++;
        if (timestamp < FirstSeen)
        {
            FirstSeen = timestamp;
        }

        if (timestamp > LastSeen)
        {
            LastSeen = timestamp;
        }
    }
}
