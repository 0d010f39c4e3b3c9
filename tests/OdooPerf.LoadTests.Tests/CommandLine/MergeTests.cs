using OdooPerf.Testing;
using OdooPerf.Load.Stats;
using OdooPerf.LoadTests.Tests.Fixtures;
using Xunit;

namespace OdooPerf.LoadTests.Tests.CommandLine;

/// <summary><c>merge</c> of the reports of two segments of one run: exact counts, thresholds judged again, bad input.</summary>
public sealed class MergeTests
{
    [Fact]
    public async Task Two_segments_merge_to_the_counts_the_server_saw_and_to_the_merged_histogram()
    {
        await using var server = await TargetServer.StartAsync();
        using var work = new TempDirectory();
        string[] Segment(string segment, string directory) =>
            ["http", "--url", server.Url, "--users", "2", "--duration", "1s", "--segment", segment, "--report-dir", directory, "--threshold", "fail_rate < 1%"];

        var runs = await Task.WhenAll(
            LoadCommand.RunAsync(Segment("1/2", work.Join("one"))),
            LoadCommand.RunAsync(Segment("2/2", work.Join("two"))));
        var merge = await LoadCommand.RunAsync("merge", "--report-dir", work.Join("merged"), "--threshold", "requests > 1",
            Path.Join(work.Join("one"), "report.json"), Path.Join(work.Join("two"), "report.json"));

        Output.AssertExit(runs[0], 0);
        Output.AssertExit(runs[1], 0);
        Output.AssertExit(merge, 0);
        var one = ReportJson.Read(work.Join("one"));
        var two = ReportJson.Read(work.Join("two"));
        var merged = ReportJson.Read(work.Join("merged"));
        Assert.Equal(1, one.Long("peakUsers"));
        Assert.Equal(1, two.Long("peakUsers"));

        // Each segment's init made one request the reports do not count.
        Assert.Equal(server.Requests - 2, merged.Long("totals.requests"));
        Assert.Equal(one.Long("totals.requests") + two.Long("totals.requests"), merged.Long("totals.requests"));
        Assert.True(HistogramCodec.TryDecode(merged.String("totals.histogram"), out var histogram));
        Assert.Equal(merged.Long("totals.requests"), histogram.TotalCount);
        Assert.Equal(new[] { "1/2", "2/2" }, merged.Get("segments").EnumerateArray().Select(s => s.GetString()!).ToArray());
        var expressions = merged.Get("thresholds").EnumerateArray().Select(t => t.GetProperty("expression").GetString()!).ToArray();
        Assert.Equal(new[] { "fail_rate < 1%", "requests > 1" }, expressions);
        Assert.True(merged.Bool("thresholdsPassed"));
        Assert.True(File.Exists(Path.Join(work.Join("merged"), "report.html")));
        Assert.Contains("segment 1/2, 2/2", merge.StandardOutput, StringComparison.Ordinal);

        var failing = await LoadCommand.RunAsync("merge", "--report-dir", work.Join("failing"), "--threshold", "requests > 100000000",
            Path.Join(work.Join("one"), "report.json"), Path.Join(work.Join("two"), "report.json"));
        Output.AssertExit(failing, 1);
        Assert.False(ReportJson.Read(work.Join("failing")).Bool("thresholdsPassed"));
    }

    [Fact]
    public async Task Bad_input_to_merge_is_one_line_and_exit_code_2()
    {
        using var work = new TempDirectory();
        var notAReport = work.Join("report.json");
        await File.WriteAllTextAsync(notAReport, "{\"hello\": 1}");

        var malformed = await LoadCommand.RunAsync("merge", "--report-dir", work.Join("out"), notAReport);
        var missing = await LoadCommand.RunAsync("merge", "--report-dir", work.Join("out"), work.Join("absent.json"));
        var badThreshold = await LoadCommand.RunAsync("merge", "--report-dir", work.Join("out"), "--threshold", "p95 <", notAReport);

        Output.AssertOneLineError(malformed, 2, "not an odooperf-load report");
        Output.AssertOneLineError(missing, 2, "absent.json: cannot be read");
        Output.AssertOneLineError(badThreshold, 2, "invalid threshold 'p95 <'");
        Assert.False(Directory.Exists(work.Join("out")));
    }
}
