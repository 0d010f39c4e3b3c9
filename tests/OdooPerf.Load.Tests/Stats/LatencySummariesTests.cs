using OdooPerf.Load.Stats;
using Xunit;

namespace OdooPerf.Load.Tests.Stats;

public sealed class LatencySummariesTests
{
    // HdrHistogram with 3 significant digits keeps values within 0.1% of what was recorded.
    private static void Near(double expected, double actual) =>
        Assert.InRange(actual, expected * 0.999 - 0.001, expected * 1.001 + 0.001);

    [Fact]
    public void One_to_a_hundred_milliseconds_give_the_textbook_figures()
    {
        var histogram = LatencyHistogram.Create();
        for (var ms = 1; ms <= 100; ms++)
        {
            histogram.RecordValue(ms * 1000L);
        }

        var summary = LatencySummaries.From(histogram);

        // By hand: the k-th percentile of 1..100 is k; mean 50.5; population stddev sqrt((100²-1)/12) = 28.866.
        Near(1, summary.MinMs);
        Near(50.5, summary.MeanMs);
        Near(28.866, summary.StdDevMs);
        Near(50, summary.P50Ms);
        Near(75, summary.P75Ms);
        Near(90, summary.P90Ms);
        Near(95, summary.P95Ms);
        Near(99, summary.P99Ms);
        Near(100, summary.P999Ms);
        Near(100, summary.MaxMs);
    }

    [Fact]
    public void A_skewed_distribution_puts_the_tail_in_the_high_percentiles()
    {
        var histogram = LatencyHistogram.Create();
        histogram.RecordValueWithCount(2_000, 990); // 990 requests at 2 ms
        histogram.RecordValueWithCount(1_500_000, 10); // 10 at 1.5 s

        var summary = LatencySummaries.From(histogram);

        Near(2, summary.P50Ms);
        Near(2, summary.P99Ms);
        Near(1500, summary.P999Ms);
        Near(1500, summary.MaxMs);
        Near((990 * 2 + 10 * 1500) / 1000.0, summary.MeanMs);
    }

    [Fact]
    public void An_empty_histogram_gives_zeros()
    {
        Assert.Equal(LatencySummaries.Empty, LatencySummaries.From(LatencyHistogram.Create()));
        Assert.Equal(0, LatencySummaries.Empty.MaxMs);
    }
}
