namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>The width of a timeline bucket. Each is a whole multiple of the one before, so buckets fold exactly.</summary>
internal enum ReportInterval
{
    Minute,
    Hour,
    Day,
    Week,
    FourWeeks,
    FiftyTwoWeeks,
}

/// <summary>What the user asked for with <c>--interval</c>.</summary>
public enum RequestedInterval
{
    /// <summary>Minutes for a log spanning up to 6 hours, hours up to 120 days, then days.</summary>
    Auto,
    Minute,
    Hour,
}

internal static class ReportIntervals
{
    public static TimeSpan Width(this ReportInterval interval) => interval switch
    {
        ReportInterval.Minute => TimeSpan.FromMinutes(1),
        ReportInterval.Hour => TimeSpan.FromHours(1),
        ReportInterval.Day => TimeSpan.FromDays(1),
        ReportInterval.Week => TimeSpan.FromDays(7),
        ReportInterval.FourWeeks => TimeSpan.FromDays(28),
        _ => TimeSpan.FromDays(364),
    };

    public static string Name(this ReportInterval interval) => interval switch
    {
        ReportInterval.Minute => "minute",
        ReportInterval.Hour => "hour",
        ReportInterval.Day => "day",
        ReportInterval.Week => "week",
        ReportInterval.FourWeeks => "4 weeks",
        _ => "52 weeks",
    };

    public static string Name(this RequestedInterval interval) => interval switch
    {
        RequestedInterval.Minute => "minute",
        RequestedInterval.Hour => "hour",
        _ => "auto",
    };
}
