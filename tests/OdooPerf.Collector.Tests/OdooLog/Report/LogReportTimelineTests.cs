using OdooPerf.Collector.OdooLog.Report;
using Xunit;
using static OdooPerf.Collector.Tests.OdooLog.Report.LogText;

namespace OdooPerf.Collector.Tests.OdooLog.Report;

public sealed class LogReportTimelineTests
{
    private static readonly DateTime T = Day.AddHours(10);

    [Fact]
    public void A_short_log_gets_minutes_with_quiet_minutes_shown_as_zero()
    {
        var log = Lines(
            CallKw(T.AddSeconds(10), 100, "res.partner", "read", 100),
            CallKw(T.AddSeconds(50), 100, "res.partner", "read", 300),
            Request(T.AddMinutes(3), 100, "GET", "/web/health", 500, 0, 0, 0.001));

        var timeline = ReportOn(log).Timeline;

        Assert.Equal(("minute", 60.0, "auto"), (timeline.Interval, timeline.IntervalSeconds, timeline.Requested));
        Assert.Equal([T, T.AddMinutes(1), T.AddMinutes(2), T.AddMinutes(3)], timeline.Buckets.Select(b => b.Start));
        Assert.Equal([2L, 0L, 0L, 1L], timeline.Buckets.Select(b => b.Requests));
        Assert.Equal([0L, 0L, 0L, 1L], timeline.Buckets.Select(b => b.Errors));
        Assert.Equal((0.1, 0.3), (timeline.Buckets[0].P50Seconds, timeline.Buckets[0].P99Seconds));
        Assert.Equal(2 / 60.0, timeline.Buckets[0].RequestsPerSecond, 3);
    }

    [Fact]
    public void A_log_longer_than_six_hours_gets_hours()
    {
        var log = Lines(CallKw(T, 100, "res.partner", "read", 100), CallKw(T.AddHours(7), 100, "res.partner", "read", 100));

        var timeline = ReportOn(log).Timeline;

        Assert.Equal("hour", timeline.Interval);
        Assert.False(timeline.Widened);
        Assert.Equal(8, timeline.Buckets.Count);
    }

    [Fact]
    public void Minutes_asked_for_a_long_log_are_widened_and_the_report_says_so()
    {
        var log = Lines(CallKw(T, 100, "res.partner", "read", 100), CallKw(T.AddDays(3), 100, "res.partner", "read", 200));

        var report = ReportOn(log, new LogReportSettings { Interval = RequestedInterval.Minute });

        Assert.Equal(("hour", "minute", true), (report.Timeline.Interval, report.Timeline.Requested, report.Timeline.Widened));
        Assert.InRange(report.Timeline.Buckets.Count, 2, Timeline.MaxBuckets);
        Assert.Equal(2, report.Timeline.Buckets.Sum(b => b.Requests));
        Assert.Contains(report.Notes, n => n.Contains("widened", StringComparison.Ordinal));
    }

    [Fact]
    public void Hours_can_be_asked_for_a_short_log()
    {
        var log = Lines(CallKw(T.AddMinutes(1), 100, "res.partner", "read", 100), CallKw(T.AddMinutes(2), 100, "res.partner", "read", 100));

        var timeline = ReportOn(log, new LogReportSettings { Interval = RequestedInterval.Hour }).Timeline;

        Assert.Equal("hour", timeline.Interval);
        Assert.Equal(2, Assert.Single(timeline.Buckets).Requests);
    }

    [Fact]
    public void Since_is_inclusive_and_until_exclusive_in_the_logs_local_time()
    {
        var log = Lines(
            CallKw(T.AddSeconds(-1), 100, "res.partner", "read", 1),
            CallKw(T, 100, "res.partner", "read", 2),
            CallKw(T.AddMinutes(30), 100, "res.partner", "read", 3),
            CallKw(T.AddHours(1), 100, "res.partner", "read", 4));

        var report = ReportOn(log, new LogReportSettings
        {
            Since = ReportTimeArgument.Parse("--since", "2024-03-05 10:00"),
            Until = ReportTimeArgument.Parse("--until", "2024-03-05T11:00:00"),
        });

        Assert.Equal(2, report.Totals.Requests);
        Assert.Equal(2, report.Totals.OutsideTimeRange);
        Assert.Equal((T, T.AddMinutes(30)), (report.Period.First!.Value, report.Period.Last!.Value));
        Assert.Equal(0.003, report.Overall.MaxSeconds);
    }

    [Theory]
    [InlineData("2024-03-05", 2024, 3, 5, 0, 0, 0, 0)]
    [InlineData("2024-03-05 10:21", 2024, 3, 5, 10, 21, 0, 0)]
    [InlineData("2024-03-05 10:21:33", 2024, 3, 5, 10, 21, 33, 0)]
    [InlineData("2024-03-05T10:21:33", 2024, 3, 5, 10, 21, 33, 0)]
    [InlineData("2024-03-05T10:21:33.250", 2024, 3, 5, 10, 21, 33, 250)]
    [InlineData("2024-03-05 10:21:33,123", 2024, 3, 5, 10, 21, 33, 123)]
    public void Since_and_until_accept_dates_times_and_iso_8601(string text, int year, int month, int day, int hour, int minute, int second, int millisecond)
    {
        Assert.Equal(new DateTime(year, month, day, hour, minute, second, millisecond), ReportTimeArgument.Parse("--since", text));
    }

    [Theory]
    [InlineData("yesterday", "is not a date")]
    [InlineData("2024-13-01", "is not a date")]
    [InlineData("05/03/2024", "is not a date")]
    [InlineData("2024-03-05T10:00:00Z", "remove the time zone")]
    [InlineData("2024-03-05T10:00:00+02:00", "remove the time zone")]
    public void Since_and_until_refuse_what_they_cannot_compare_with_the_log(string text, string expected)
    {
        var error = Assert.Throws<LogReportException>(() => ReportTimeArgument.Parse("--since", text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("--since", error.Message, StringComparison.Ordinal);
    }
}
