using System.Text;
using System.Text.Json.Nodes;
using OdooPerf.Load.Reports;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Stats;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Load.Tests.Reports;

/// <summary>Failure messages in report.json (round trip, older reports, merge) and in report.md and report.html.</summary>
public sealed class FailureMessageReportTests
{
    private static readonly DateTimeOffset Start = new ManualClock().GetUtcNow();
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(8);

    private static LoadReport ThroughJson(LoadReport report, string source = "r.json") =>
        LoadReportJson.Parse(Encoding.UTF8.GetBytes(LoadReportJson.ToJson(report)), source);

    private static LoadReport Segment(int index, Action<RunStats, int> play) =>
        ThroughJson(LoadReportBuilder.Build(TestRuns.Result(TestRuns.Play(3, play), segment: new ExecutionSegment(index, 2)), "segmented"), $"seg-{index}.json");

    [Fact]
    public void Report_json_keeps_each_steps_messages_and_the_runs_list_through_a_round_trip()
    {
        var report = ThroughJson(LoadReportBuilder.Build(TestRuns.Result(TestRuns.Play(20, (s, t) => TestRuns.Workload(s, t, 2))), "t"));

        var pay = report.Scenarios.Single(s => s.Name == "checkout").Steps.Single();
        var message = Assert.Single(pay.FailureMessages);
        Assert.Equal(("http_500", "Internal Server Error: order 1000 could not be paid", 20L, (string?)null, Start),
            (message.Reason, message.Message, message.Count, message.FirstStep, message.FirstAt));
        Assert.Equal(pay.Failed, message.Count);
        Assert.Empty(pay.OtherFailureMessages);

        Assert.Equal(
            [
                ("timeout", "Gateway Time-out: the server did not answer in time", 120L, "browse/list"),
                ("http_500", "Internal Server Error: order 1000 could not be paid", 20L, "checkout/pay"),
            ],
            report.FailureMessages.Select(m => (m.Reason, m.Message, m.Count, m.FirstStep!)));
        Assert.Empty(report.OtherFailureMessages);

        var json = LoadReportJson.ToJson(report);
        Assert.Contains("\"firstStep\": \"checkout/pay\"", json, StringComparison.Ordinal);
        Assert.Equal(2, json.Split("\"firstStep\"").Length - 1);
    }

    /// <summary>A report as written before failure messages were kept: no failureMessages, no otherFailureMessages.</summary>
    private static string WithoutMessages(LoadReport report)
    {
        var json = JsonNode.Parse(LoadReportJson.ToJson(report))!.AsObject();
        json.Remove("failureMessages");
        json.Remove("otherFailureMessages");
        foreach (var step in json["scenarios"]!.AsArray().SelectMany(s => s!["steps"]!.AsArray()))
        {
            step!.AsObject().Remove("failureMessages");
            step.AsObject().Remove("otherFailureMessages");
        }

        return json.ToJsonString();
    }

    [Fact]
    public void A_report_written_before_messages_were_kept_still_loads_and_merges()
    {
        var older = WithoutMessages(LoadReportBuilder.Build(TestRuns.Result(TestRuns.Play(20, (s, t) => TestRuns.Workload(s, t, 1)),
            segment: new ExecutionSegment(1, 2)), "t"));
        Assert.DoesNotContain("failureMessages", older, StringComparison.OrdinalIgnoreCase);
        var newer = ThroughJson(LoadReportBuilder.Build(TestRuns.Result(TestRuns.Play(20, (s, t) => TestRuns.Workload(s, t, 2)),
            segment: new ExecutionSegment(2, 2)), "t"));

        var read = LoadReportJson.Parse(Encoding.UTF8.GetBytes(older), "old.json");
        var merged = ThroughJson(LoadReportMerger.Merge([("old.json", read), ("new.json", newer)]));

        Assert.Empty(read.FailureMessages);
        Assert.All(read.Scenarios.SelectMany(s => s.Steps), step => Assert.Empty(step.FailureMessages));
        Assert.Equal(newer.FailureMessages, merged.FailureMessages);
        Assert.Contains("## Failures", MarkdownReportWriter.Write(read), StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_two_segments_sums_counts_keeps_the_earliest_text_and_applies_the_limits_again()
    {
        var first = Segment(1, (s, t) =>
        {
            if (t == 0)
            {
                foreach (var letter in "abcdefgh")
                    s.Step("sales", "confirm").RecordFailure(Latency, "UserError", message: $"Field {letter} is required");
                foreach (var letter in "abcdefghijk")
                    s.Step("sales", "post").RecordFailure(Latency, "UserError", message: $"Entry {letter} is unbalanced");
            }

            if (t == 2)
            {
                s.Step("sales", "lock").RecordFailure(Latency, "UserError", message: "Order 5 is locked");
                s.Step("sales", "lock").RecordFailure(Latency, "UserError", message: "Order 6 is locked");
            }
        });
        var second = Segment(2, (s, t) =>
        {
            if (t == 0)
            {
                foreach (var letter in "abcxyz")
                    s.Step("sales", "confirm").RecordFailure(Latency, "UserError", message: $"Field {letter} is required");
                s.Step("sales", "post").RecordFailure(Latency, "UserError", message: "Entry z is unbalanced");
            }

            if (t == 1)
            {
                for (var i = 0; i < 3; i++)
                    s.Step("sales", "lock").RecordFailure(Latency, "UserError", message: $"Order {90 + i} is locked");
            }
        });

        var merged = ThroughJson(LoadReportMerger.Merge([("seg-1.json", first), ("seg-2.json", second)]));
        var steps = merged.Scenarios.Single().Steps.ToDictionary(s => s.Name);

        // The same message in both segments: counts add; the earliest (segment 2's, a second sooner) keeps its text and time.
        var locked = Assert.Single(steps["lock"].FailureMessages);
        Assert.Equal(("Order 90 is locked", 5L, Start.AddSeconds(1)), (locked.Message, locked.Count, locked.FirstAt));

        // 11 distinct messages for a step that keeps 10: the earliest are kept, the last one is counted as other.
        var confirm = steps["confirm"];
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h", "x", "y"], confirm.FailureMessages.Select(m => m.Message.Split(' ')[1]));
        Assert.Equal([2L, 2L, 2L, 1L, 1L, 1L, 1L, 1L, 1L, 1L], confirm.FailureMessages.Select(m => m.Count));
        Assert.Equal(1, confirm.OtherFailureMessages["UserError"]);
        Assert.Equal(confirm.Failed, confirm.FailureMessages.Sum(m => m.Count) + confirm.OtherFailureMessages.Values.Sum());

        // A segment's own "other" adds to what the merge could not keep.
        var post = steps["post"];
        Assert.Equal(10, post.FailureMessages.Count);
        Assert.Equal(2, post.OtherFailureMessages["UserError"]);
        Assert.Equal(12, post.Failed);

        Assert.Equal(21, merged.FailureMessages.Count);
        Assert.Equal("sales/lock", merged.FailureMessages.Single(m => m.Message.StartsWith("Order", StringComparison.Ordinal)).FirstStep);
        Assert.Equal(3, merged.OtherFailureMessages["UserError"]);
    }

    [Fact]
    public void A_merge_keeps_no_more_messages_than_a_run_would()
    {
        // Segment 1 fails in steps 0 to 5, segment 2 in steps 6 to 11: ten messages each, 60 per segment, 120 together.
        LoadReport Many(int index) => Segment(index, (s, t) =>
        {
            for (var step = (index - 1) * 6; step < index * 6; step++)
            {
                for (var k = 0; k < 10; k++)
                    s.Step("s", $"step{step:00}").RecordFailure(Latency, "UserError", message: $"problem {(char)('a' + k)} at second {t}");
            }
        });

        var merged = LoadReportMerger.Merge([("seg-1.json", Many(1)), ("seg-2.json", Many(2))]);

        var steps = merged.Scenarios.Single().Steps;
        Assert.Equal(FailureMessageLimits.Default.MaxPerRun, steps.Sum(s => s.FailureMessages.Count));
        Assert.All(steps, s => Assert.True(s.FailureMessages.Count <= FailureMessageLimits.Default.MaxPerStep));
        Assert.Equal(20 * 3, steps.Sum(s => s.OtherFailureMessages.Values.Sum()));

        // The same texts in different steps are one entry in the run's list.
        Assert.Equal(10, merged.FailureMessages.Count);
        Assert.Equal(merged.Totals.Failed, merged.FailureMessages.Sum(m => m.Count) + merged.OtherFailureMessages.Values.Sum());
    }

    private static LoadReport Failing()
    {
        var clock = new ManualClock();
        var stats = new RunStats(new RunStatsOptions { FailureMessages = new FailureMessageLimits { MaxPerStep = 1 } }, clock);
        var confirm = stats.Step("sales", "confirm");
        var invoice = stats.Step("sales", "invoice");
        confirm.RecordOk(Latency, 200);
        confirm.RecordFailure(Latency, "UserError", 200, message: "Order S00041 is already confirmed.");
        confirm.RecordFailure(Latency, "timeout");
        clock.Advance(TimeSpan.FromSeconds(1));
        confirm.RecordFailure(Latency, "UserError", 200, message: "Order S00042 is\nalready confirmed.");
        confirm.RecordFailure(Latency, "UserError", 200, message: "Customer is missing.");
        confirm.RecordFailure(Latency, "UserError", 200);
        invoice.RecordFailure(Latency, "ValidationError", 200, message: "Amount | total `mismatch` <b>");
        clock.Advance(TimeSpan.FromSeconds(1));
        stats.Complete();
        return LoadReportBuilder.Build(TestRuns.Result(stats), "failing");
    }

    [Fact]
    public void The_markdown_failures_section_lists_each_failing_step_with_reasons_counts_messages_and_first_seen()
    {
        var markdown = MarkdownReportWriter.Write(Failing());

        var section = markdown[markdown.IndexOf("## Failures\n", StringComparison.Ordinal)..];
        Assert.Equal(
            """
            ## Failures

            ### `sales/confirm`: 5 failed of 6

            - `UserError`: 4
              - 2 × `Order S00041 is already confirmed.` (first 2026-01-05 09:00:00 UTC)
              - 1 × other messages, not kept (over the limit of distinct messages)
              - 1 × no message
            - `timeout`: 1

            ### `sales/invoice`: 1 failed of 1

            - `ValidationError`: 1
              - 1 × `Amount | total 'mismatch' <b>` (first 2026-01-05 09:00:01 UTC)


            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            section);
    }

    [Fact]
    public void The_html_report_has_a_table_of_messages_with_every_text_escaped()
    {
        var html = HtmlReportWriter.Write(Failing());

        Assert.Contains("<table id=\"failure-messages\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>Order S00041 is already confirmed.</td>", html, StringComparison.Ordinal);
        Assert.Contains("Amount | total `mismatch` &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("other messages, not kept", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }
}
