namespace OdooPerf.Odoo.Logs;

/// <summary>The time a journald, syslog or container prefix carries; <see cref="Year"/> is 0 when the prefix prints none (BSD syslog).</summary>
internal readonly record struct LinePrefixTime(int Year, int Month, int Day, int Hour, int Minute, int Second, int Millisecond)
{
    public bool HasTime => Month != 0;
}
