using HdrHistogram;
using OdooPerf.Load.Reports;
using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;
using Xunit;

namespace OdooPerf.Load.Tests.Reports;

public sealed class LoadReportMergerTests
{
    private static LoadReport Segment(int index, int count = 2, TimeSpan startDelay = default, TimeSpan? interval = null,
        StopReason stop = StopReason.Completed, IEnumerable<string>? thresholds = null)
    {
        var stats = TestRuns.Play(20, (s, t) => TestRuns.Workload(s, t, index), startDelay, interval: interval);
        var report = LoadReportBuilder.Build(TestRuns.Result(stats, stop, new ExecutionSegment(index, count), thresholds), "segmented");

        // Through the file format, as merge reads them.
        return LoadReportJson.Parse(System.Text.Encoding.UTF8.GetBytes(LoadReportJson.ToJson(report)), $"seg-{index}.json");
    }

    private static void SameHistogram(string expected, string actual)
    {
        var (a, b) = (HistogramCodec.Decode(expected), HistogramCodec.Decode(actual));
        Assert.Equal(a.TotalCount, b.TotalCount);
        Assert.Equal(Values(a), Values(b));
    }

    private static (long Value, long Count)[] Values(HistogramBase histogram) =>
        histogram.RecordedValues().Select(v => (v.ValueIteratedTo, v.CountAtValueIteratedTo)).ToArray();

    private static void SameStats(ReportStats expected, ReportStats actual)
    {
        Assert.Equal(expected.Requests, actual.Requests);
        Assert.Equal(expected.Ok, actual.Ok);
        Assert.Equal(expected.Failed, actual.Failed);
        Assert.Equal(expected.BytesSent, actual.BytesSent);
        Assert.Equal(expected.BytesReceived, actual.BytesReceived);
        Assert.Equal(expected.StatusCodes, actual.StatusCodes);
        Assert.Equal(expected.FailuresByReason, actual.FailuresByReason);
        Assert.Equal(expected.LatencyMs, actual.LatencyMs);
        Assert.Equal(expected.Rps, actual.Rps, 9);
        SameHistogram(expected.Histogram, actual.Histogram);
    }

    [Fact]
    public void Two_segments_merge_to_exactly_what_one_run_recording_both_shows()
    {
        var whole = LoadReportBuilder.Build(TestRuns.Result(TestRuns.Play(20, (s, t) =>
        {
            TestRuns.Workload(s, t, 1);
            TestRuns.Workload(s, t, 2);
        })), "whole");

        var merged = LoadReportMerger.Merge([("seg-1.json", Segment(1)), ("seg-2.json", Segment(2))]);

        SameStats(whole.Totals, merged.Totals);
        Assert.Equal(whole.Scenarios.Select(s => s.Name), merged.Scenarios.Select(s => s.Name));
        foreach (var (expected, actual) in whole.Scenarios.Zip(merged.Scenarios))
        {
            SameStats(expected, actual);
            Assert.Equal(expected.Iterations, actual.Iterations);
            Assert.Equal(expected.Dropped, actual.Dropped);
            Assert.Equal(expected.Steps.Select(s => s.Name), actual.Steps.Select(s => s.Name));
            foreach (var (step, mergedStep) in expected.Steps.Zip(actual.Steps))
            {
                SameStats(step, mergedStep);
                Assert.Equal(step.FailureMessages, mergedStep.FailureMessages);
                Assert.Equal(step.OtherFailureMessages, mergedStep.OtherFailureMessages);
            }
        }

        Assert.Equal(2, merged.FailureMessages.Count);
        Assert.Equal(whole.FailureMessages, merged.FailureMessages);

        Assert.Equal(whole.Dropped, merged.Dropped);
        Assert.Equal(whole.DurationSeconds, merged.DurationSeconds);
        Assert.Equal(whole.Series.Count, merged.Series.Count);
        foreach (var (expected, actual) in whole.Series.Zip(merged.Series))
        {
            Assert.Equal((expected.Start, expected.End), (actual.Start, actual.End));
            Assert.Equal(expected.Total.Requests, actual.Total.Requests);
            Assert.Equal(expected.Total.Failed, actual.Total.Failed);
            Assert.Equal(expected.Total.P99Ms, actual.Total.P99Ms);
            SameHistogram(expected.Total.Histogram!, actual.Total.Histogram!);
            Assert.Equal(expected.Dropped, actual.Dropped);
        }

        Assert.Equal(["1/2", "2/2"], merged.Segments);
        Assert.True(merged.Complete);
        Assert.True(merged.Totals.Requests > 1_500);
    }

    [Fact]
    public void Merged_figures_survive_the_file_format_and_give_the_same_snapshots()
    {
        var merged = LoadReportMerger.Merge([("seg-1.json", Segment(1)), ("seg-2.json", Segment(2))]);
        var read = LoadReportJson.Parse(System.Text.Encoding.UTF8.GetBytes(LoadReportJson.ToJson(merged)), "merged.json");

        Assert.Equal(merged.ToSnapshots().Select(s => (s.Requests, s.Latency)), read.ToSnapshots().Select(s => (s.Requests, s.Latency)));
    }

    [Fact]
    public void Series_are_aligned_by_wall_clock()
    {
        var early = Segment(1);
        var late = Segment(2, startDelay: TimeSpan.FromSeconds(3));

        var merged = LoadReportMerger.Merge([("seg-1.json", early), ("seg-2.json", late)]);

        // The late segment's points [3 s, 8 s), [8 s, 13 s), ... have their middles in the early one's next cell.
        Assert.Equal(5, merged.Series.Count);
        Assert.Equal(early.Series[0].Total.Requests, merged.Series[0].Total.Requests);
        Assert.Equal(early.Series[1].Total.Requests + late.Series[0].Total.Requests, merged.Series[1].Total.Requests);
        Assert.Equal(late.Series[^1].Total.Requests, merged.Series[^1].Total.Requests);
        Assert.Equal(early.Series[1].Start, merged.Series[1].Start);
        Assert.Equal(early.Series[1].End, merged.Series[1].End);
        Assert.Equal(early.Series[1].Total.Rps + late.Series[0].Total.Rps, merged.Series[1].Total.Rps, 9);
        Assert.Equal(early.Series[0].Start.AddSeconds(20), merged.Series[^1].Start);
        Assert.Equal(late.Series[^1].End, merged.Series[^1].End);
        Assert.Equal(early.Series[1].Users["browse"] + late.Series[0].Users["browse"], merged.Series[1].Users["browse"]);
        Assert.Equal(late.Series[0].Users["checkout"], merged.Series[1].Users["checkout"]);
        Assert.Equal(early.Series[1].Dropped["browse"] + late.Series[0].Dropped["browse"], merged.Series[1].Dropped["browse"]);
        Assert.Equal(merged.Totals.Requests, merged.Series.Sum(p => p.Total.Requests));
        Assert.Equal(early.StartedAt, merged.StartedAt);
        Assert.Equal(late.EndedAt, merged.EndedAt);
        Assert.Equal(23, merged.DurationSeconds);
        Assert.Equal(merged.Totals.Requests / 23.0, merged.Totals.Rps, 9);
    }

    [Fact]
    public void Peak_users_are_the_highest_sum_over_merged_points()
    {
        var merged = LoadReportMerger.Merge([("seg-1.json", Segment(1)), ("seg-2.json", Segment(2))]);

        // browse peaks at 7 (segment 1) and 8 (segment 2) users in every 5 s point; checkout holds 2.
        Assert.Equal(17, merged.PeakUsers);
        Assert.Equal(15, merged.Scenarios.Single(s => s.Name == "browse").PeakUsers);
        Assert.Equal(20, merged.Scenarios.Single(s => s.Name == "browse").PeakTargetUsers);
    }

    [Fact]
    public void Series_with_a_doubled_interval_are_regridded()
    {
        var fine = Segment(1);
        var coarse = Segment(2, interval: TimeSpan.FromSeconds(10));

        var merged = LoadReportMerger.Merge([("seg-1.json", fine), ("seg-2.json", coarse)]);

        Assert.Equal(10, merged.IntervalSeconds);
        Assert.Equal(2, merged.Series.Count);
        Assert.Equal(fine.Series[0].Total.Requests + fine.Series[1].Total.Requests + coarse.Series[0].Total.Requests, merged.Series[0].Total.Requests);
        Assert.Equal(Math.Max(fine.Series[0].Users["browse"], fine.Series[1].Users["browse"]) + coarse.Series[0].Users["browse"], merged.Series[0].Users["browse"]);
    }

    [Fact]
    public void Thresholds_are_judged_again_on_the_merged_figures()
    {
        // Each segment alone has fewer than 1500 requests; together they have more.
        string[] thresholds = ["requests > 1500", "browse/list: fail_rate < 50%"];
        var first = Segment(1, thresholds: thresholds);
        var second = Segment(2, thresholds: thresholds);
        Assert.False(first.ThresholdsPassed);
        Assert.False(second.ThresholdsPassed);

        var merged = LoadReportMerger.Merge([("seg-1.json", first), ("seg-2.json", second)]);

        Assert.True(merged.ThresholdsPassed);
        Assert.Equal(thresholds, merged.Thresholds.Select(t => t.Expression));
        Assert.Equal(merged.Totals.Requests, merged.Thresholds[0].Actual);
        Assert.All(merged.Thresholds, t => Assert.Equal("passed", t.Outcome));
    }

    [Fact]
    public void A_merge_is_complete_only_when_every_segment_was()
    {
        var merged = LoadReportMerger.Merge([("seg-1.json", Segment(1)), ("seg-2.json", Segment(2, stop: StopReason.Interrupted))]);

        Assert.False(merged.Complete);
        Assert.Equal("interrupted", merged.StopReason);
    }

    [Fact]
    public void One_report_merges_to_itself()
    {
        var only = Segment(1, count: 1);
        var merged = LoadReportMerger.Merge([("only.json", only)]);

        SameStats(only.Totals, merged.Totals);
        Assert.Equal(only.Series.Count, merged.Series.Count);
        Assert.Equal(only.PeakUsers, merged.PeakUsers);
        Assert.Equal(["1/1"], merged.Segments);
    }

    public static TheoryData<string, string> Rejections => new()
    {
        { "none", "nothing to merge: give at least one report.json" },
        { "other n", "seg-3.json is segment 1/3 but seg-1.json is a segment of 2: only the segments of one run merge" },
        { "twice", "segment 1/2 is in both seg-1.json and copy.json: each segment may be merged once" },
        { "version", "seg-2.json: report schema version 2; this odooperf-load merges version 1" },
        { "histogram", "seg-2.json: corrupt histogram in step 'browse/list' (not a base64 compressed HdrHistogram)" },
        { "interval", "seg-1.json: its series interval of 5 s does not divide the 7 s of seg-2.json: the segments of one run use the same stats interval" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Reports_that_cannot_be_merged_are_refused_in_one_line(string problem, string message)
    {
        var first = Segment(1);
        var second = Segment(2);
        (string, LoadReport)[] inputs = problem switch
        {
            "none" => [],
            "other n" => [("seg-1.json", first), ("seg-3.json", Segment(1, count: 3))],
            "twice" => [("seg-1.json", first), ("copy.json", first)],
            "version" => [("seg-1.json", first), ("seg-2.json", second with { SchemaVersion = 2 })],
            "histogram" => [("seg-1.json", first), ("seg-2.json", second with
            {
                Scenarios = [second.Scenarios[0] with { Steps = [second.Scenarios[0].Steps[0], second.Scenarios[0].Steps[1] with { Histogram = "bm90IGEgaGlzdG9ncmFt" }] }, second.Scenarios[1]],
            })],
            "interval" => [("seg-1.json", first), ("seg-2.json", Segment(2, interval: TimeSpan.FromSeconds(7)))],
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var e = Assert.Throws<LoadReportException>(() => LoadReportMerger.Merge(inputs));
        Assert.Equal(message, e.Message);
    }
}
