using OdooPerf.Load.Stats;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Load.Tests.Stats;

/// <summary>Recording failures' messages: once per distinct message with a count, bounded, exact under concurrency.</summary>
public sealed class FailureMessageTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(5);

    [Fact]
    public void Each_distinct_message_is_kept_once_with_its_count_and_when_it_was_first_seen()
    {
        var clock = new ManualClock();
        var run = new RunStats(clock: clock);
        var step = run.Step("sales", "confirm");
        var start = clock.GetUtcNow();

        step.RecordFailure(Latency, "UserError", 200, message: "Order S00041 is already confirmed.");
        clock.Advance(TimeSpan.FromSeconds(3));
        step.RecordFailure(Latency, "ValidationError", 200, message: "Customer is required.");
        step.RecordFailure(Latency, "UserError", 200, message: "Order S00042 is already confirmed.");
        step.RecordFailure(Latency, "UserError", 200, message: "Customer is required.");
        step.RecordFailure(Latency, "ValidationError", 200, message: "Customer  is\nrequired.");
        step.RecordFailure(Latency, "timeout");
        step.RecordOk(Latency, 200);

        var snapshot = run.Snapshot("sales", "confirm");
        Assert.Equal(
            [
                ("UserError", "Order S00041 is already confirmed.", 2L, start),
                ("ValidationError", "Customer is required.", 2L, start.AddSeconds(3)),
                ("UserError", "Customer is required.", 1L, start.AddSeconds(3)),
            ],
            snapshot.FailureMessages.Select(m => (m.Reason, m.Message, m.Count, m.FirstAt)));
        Assert.All(snapshot.FailureMessages, m => Assert.Equal(("sales", "confirm", "sales/confirm"), (m.Scenario, m.Step, m.Scope)));
        Assert.Empty(snapshot.OtherFailureMessages);
        Assert.Equal(6, snapshot.Failed);
    }

    [Fact]
    public void Beyond_the_step_limit_new_messages_are_counted_as_other_and_kept_ones_keep_counting()
    {
        var run = new RunStats(new RunStatsOptions { FailureMessages = new FailureMessageLimits { MaxPerStep = 3 } }, new ManualClock());
        var step = run.Step("s", "write");

        foreach (var word in new[] { "alpha", "beta", "gamma", "delta", "epsilon", "alpha", "delta", "gamma" })
            step.RecordFailure(Latency, "UserError", message: $"Cannot write {word}.");
        step.RecordFailure(Latency, "AccessError", message: "Not allowed.");
        step.RecordFailure(Latency, "AccessError");

        var snapshot = run.Snapshot("s", "write");
        Assert.Equal(
            [("Cannot write alpha.", 2L), ("Cannot write beta.", 1L), ("Cannot write gamma.", 2L)],
            snapshot.FailureMessages.Select(m => (m.Message, m.Count)));
        Assert.Equal(new Dictionary<string, long> { ["UserError"] = 3, ["AccessError"] = 1 }, snapshot.OtherFailureMessages.OrderBy(p => p.Key).ToDictionary());

        // Every failure that carried a message is counted once, kept or not.
        Assert.Equal(9, snapshot.FailureMessages.Sum(m => m.Count) + snapshot.OtherFailureMessages.Values.Sum());
    }

    [Fact]
    public void The_run_limit_is_shared_by_all_steps()
    {
        var limits = new FailureMessageLimits { MaxPerStep = 3, MaxPerRun = 4 };
        var run = new RunStats(new RunStatsOptions { FailureMessages = limits }, new ManualClock());
        foreach (var name in new[] { "first", "second" })
        {
            var step = run.Step("s", name);
            foreach (var word in new[] { "red", "green", "blue" })
                step.RecordFailure(Latency, "UserError", message: $"{name}: no {word}");
        }

        Assert.Equal(3, run.Snapshot("s", "first").FailureMessages.Count);
        var second = run.Snapshot("s", "second");
        Assert.Equal("second: no red", Assert.Single(second.FailureMessages).Message);
        Assert.Equal(2, second.OtherFailureMessages["UserError"]);

        var whole = run.Snapshot();
        Assert.Equal(4, whole.FailureMessages.Count);
        Assert.Equal(2, whole.OtherFailureMessages["UserError"]);
    }

    [Fact]
    public void A_scenario_and_the_run_combine_their_steps_messages_naming_the_step_each_was_first_seen_in()
    {
        var clock = new ManualClock();
        var run = new RunStats(clock: clock);
        run.Step("sales", "confirm").RecordFailure(Latency, "UserError", message: "Session 12 expired");
        clock.Advance(TimeSpan.FromSeconds(1));
        run.Step("sales", "invoice").RecordFailure(Latency, "UserError", message: "Session 13 expired");
        run.Step("sales", "invoice").RecordFailure(Latency, "UserError", message: "Nothing to invoice");

        var combined = run.Snapshot().FailureMessages;

        Assert.Equal(
            [("sales/confirm", "Session 12 expired", 2L), ("sales/invoice", "Nothing to invoice", 1L)],
            combined.Select(m => (m.Scope, m.Message, m.Count)));
        Assert.Equal(combined, run.Snapshot("sales").FailureMessages);
    }

    [Fact]
    public void Messages_recorded_from_many_threads_are_counted_exactly()
    {
        const int threads = 8;
        const int perThread = 30_000;
        const int distinct = 16;
        var run = new RunStats(clock: new ManualClock());
        var step = run.Step("s", "post");

        // Message k (by its words) is recorded perThread / distinct times by each thread, with a different number each time.
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                var k = (i + t) % distinct;
                step.RecordFailure(Latency, k % 2 == 0 ? "UserError" : "ValidationError", message: $"Move {i * 7 + t} of journal {(char)('A' + k)} is locked");
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => Assert.True(w.Join(TimeSpan.FromSeconds(60)), "a recording thread did not finish"));

        var snapshot = run.Snapshot("s", "post");
        const long each = threads * perThread / distinct;
        Assert.Equal(FailureMessageLimits.Default.MaxPerStep, snapshot.FailureMessages.Count);
        Assert.All(snapshot.FailureMessages, m => Assert.Equal(each, m.Count));
        Assert.Equal((distinct - FailureMessageLimits.Default.MaxPerStep) * each, snapshot.OtherFailureMessages.Values.Sum());
        Assert.Equal(threads * perThread, snapshot.Failed);
        Assert.Equal(snapshot.Failed, snapshot.FailureMessages.Sum(m => m.Count) + snapshot.OtherFailureMessages.Values.Sum());
        Assert.Equal(FailureMessageLimits.Default.MaxPerStep, snapshot.FailureMessages.Select(m => m.Message.Split(' ')[4]).Distinct().Count());
    }

    [Fact]
    public void The_redactor_masks_each_distinct_message_once_before_it_is_stored()
    {
        var calls = 0;
        var run = new RunStats(new RunStatsOptions
        {
            FailureMessageRedactor = text =>
            {
                Interlocked.Increment(ref calls);
                return text.Replace("hunter2-secret", "***", StringComparison.Ordinal);
            },
        }, new ManualClock());
        var step = run.Step("s", "login");

        for (var i = 0; i < 1_000; i++)
            step.RecordFailure(Latency, "AccessDenied", message: $"Access denied (request {i}: password hunter2-secret)");

        var message = Assert.Single(run.Snapshot("s", "login").FailureMessages);
        Assert.Equal(("Access denied (request 0: password ***)", 1_000L), (message.Message, message.Count));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_failure_without_a_message_is_not_a_message()
    {
        var run = new RunStats(clock: new ManualClock());
        var step = run.Step("s", "x");

        step.RecordFailure(Latency, "timeout");
        step.RecordFailure(Latency, "timeout", message: "");

        var snapshot = run.Snapshot("s", "x");
        Assert.Empty(snapshot.FailureMessages);
        Assert.Empty(snapshot.OtherFailureMessages);
        Assert.Equal(2, snapshot.FailuresByReason["timeout"]);
    }
}
