using System.Text;
using OdooPerf.Load.Reports;
using OdooPerf.Load.Running;
using OdooPerf.Load.Simulations;
using Xunit;

namespace OdooPerf.Load.Tests.Reports;

/// <summary>The work a run left unfinished (the Odoo suite: documents left mid-flow): in report.json, added up by merge, in report.md.</summary>
public sealed class UnfinishedReportTests
{
    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Left(params (string Scenario, string Stage, long Count)[] counts) =>
        counts.GroupBy(c => c.Scenario).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(c => c.Stage, c => c.Count));

    private static LoadReport Segment(int index, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>? unfinished)
    {
        var report = LoadReportBuilder.Build(TestRuns.Result(TestRuns.Play(3, (s, t) => TestRuns.Workload(s, t, index)), StopReason.Completed, new ExecutionSegment(index, 2)), "segmented")
            with { Unfinished = unfinished };
        return LoadReportJson.Parse(Encoding.UTF8.GetBytes(LoadReportJson.ToJson(report)), $"seg-{index}.json");
    }

    [Fact]
    public void Counts_read_back_and_merge_adds_them_per_scenario_and_stage()
    {
        var first = Segment(1, Left(("quote-to-cash", "order confirmed, not delivered", 2), ("crm", "opportunity, not won", 1)));
        var second = Segment(2, Left(("quote-to-cash", "order confirmed, not delivered", 3), ("quote-to-cash", "invoice posted, not paid", 1)));

        Assert.Equal(2, first.Unfinished!["quote-to-cash"]["order confirmed, not delivered"]);
        var merged = LoadReportMerger.Merge([("seg-1.json", first), ("seg-2.json", second)]);

        Assert.Equal(5, merged.Unfinished!["quote-to-cash"]["order confirmed, not delivered"]);
        Assert.Equal(1, merged.Unfinished["quote-to-cash"]["invoice posted, not paid"]);
        Assert.Equal(1, merged.Unfinished["crm"]["opportunity, not won"]);
        Assert.Equal(2, merged.Unfinished.Count);
    }

    [Fact]
    public void A_command_that_counts_nothing_leaves_it_null_and_merge_keeps_what_segments_counted()
    {
        Assert.Null(LoadReportMerger.Merge([("seg-1.json", Segment(1, null)), ("seg-2.json", Segment(2, null))]).Unfinished);

        var merged = LoadReportMerger.Merge([("seg-1.json", Segment(1, Left())), ("seg-2.json", Segment(2, null))]);
        Assert.Empty(merged.Unfinished!);
    }

    [Fact]
    public void Markdown_lists_each_stage_or_says_everything_was_finished()
    {
        var left = MarkdownReportWriter.Write(Segment(1, Left(("inventory", "transfer confirmed, not validated", 4))));
        var none = MarkdownReportWriter.Write(Segment(1, Left()));
        var uncounted = MarkdownReportWriter.Write(Segment(1, null));

        Assert.Contains("## Left unfinished", left, StringComparison.Ordinal);
        Assert.Contains("| `inventory` | transfer confirmed, not validated | 4 |", left, StringComparison.Ordinal);
        Assert.Contains("Everything the iterations began was finished.", none, StringComparison.Ordinal);
        Assert.DoesNotContain("## Left unfinished", uncounted, StringComparison.Ordinal);
    }
}
