using OdooPerf.Collector.OdooLog.Report;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Report;

/// <summary>A realistic log, several batches long, against what its generator counted while writing it.</summary>
public sealed class LogReportSyntheticTests
{
    [Fact]
    public void The_report_counts_what_the_generator_wrote()
    {
        var written = new SyntheticOdooLog(seed: 5);
        using var log = new MemoryStream();
        written.Write(log, 8_000_000, TimeSpan.FromHours(30));
        var bytes = log.ToArray();

        var report = LogReportRunner.Run(["-"], new LogReportSettings { Top = 5 }, "test", () => new MemoryStream(bytes)).Report;

        Assert.Equal(written.Lines, report.Totals.Lines);
        Assert.True(report.Totals.Lines > 4 * EntryBatch.Capacity, "the log should span several batches");
        Assert.Equal(0, report.Totals.UnparsedLines);
        Assert.Equal(written.Requests, report.Totals.Requests);
        Assert.Equal(written.ServerErrors, report.Totals.ServerErrors);
        Assert.Equal(written.RequestTracebacks, report.Totals.RequestTracebacks);
        Assert.Equal(written.Tracebacks, report.Totals.Tracebacks);
        Assert.Equal(written.CronRuns, report.Crons.Sum(c => c.Done));
        Assert.Equal(written.CronFailures, report.Crons.Sum(c => c.Failed));
        Assert.Equal(written.LoginFailures, report.Logins.Failed);
        Assert.Equal(written.WorkerLimitEvents, report.Workers.Limits.Total - report.Workers.Limits.RequestLimit);

        // Every request-handling traceback precedes its request line on the same worker: errors count each once.
        Assert.Equal(written.RequestTracebacks + written.ServerErrors - written.ServerErrorsWithTraceback, report.Totals.Errors);
        Assert.Equal(report.Totals.Requests, report.Timeline.Buckets.Sum(b => b.Requests));
        Assert.Equal("hour", report.Timeline.Interval);
        Assert.Equal(5, report.SlowestRequests.Count);
        Assert.True(report.MostSqlQueries[0].SqlQueries >= 2000, "the generator writes N+1 requests with thousands of queries");
    }
}
