using BenchmarkDotNet.Attributes;
using OdooPerf.Load.Stats;

namespace OdooPerf.Benchmarks;

/// <summary>
/// The cost of recording one request in the load engine's stats (<see cref="StepStats.RecordOk"/>: clamp, pick a
/// processor stripe, lock, histogram, counters) against the least any shared counter costs: one
/// <see cref="Interlocked.Increment(ref long)"/>. Each operation is one record, so Mean is time per record and Ratio
/// is the figure to quote; the two-thread variants run the same total on two threads at once (wall time per record).
/// At 50,000 requests/s a record must stay far below 20 µs of one core's time. A failure with a message adds the
/// lookup of the message among the step's (allocation-free for one already seen).
/// </summary>
[MemoryDiagnoser]
public class LoadStatsBenchmarks
{
    private const int Records = 200_000;

    private StepStats _step = null!;
    private long _counter;

    [GlobalSetup]
    public void Setup()
    {
        var run = new RunStats();
        _step = run.Step("calibration", "get");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public long InterlockedIncrement()
    {
        for (var i = 0; i < Records; i++)
        {
            Interlocked.Increment(ref _counter);
        }

        return _counter;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public void RecordOk()
    {
        var step = _step;
        for (var i = 0; i < Records; i++)
        {
            step.RecordOk(TimeSpan.FromTicks(1_000 + (i & 0xFFFF) * 10), 200, 120, 2_048);
        }
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public void InterlockedIncrementTwoThreads() => OnTwoThreads(() =>
    {
        for (var i = 0; i < Records / 2; i++)
        {
            Interlocked.Increment(ref _counter);
        }
    });

    [Benchmark(OperationsPerInvoke = Records)]
    public void RecordOkTwoThreads() => OnTwoThreads(() =>
    {
        var step = _step;
        for (var i = 0; i < Records / 2; i++)
        {
            step.RecordOk(TimeSpan.FromTicks(1_000 + (i & 0xFFFF) * 10), 200, 120, 2_048);
        }
    });

    [Benchmark(OperationsPerInvoke = Records)]
    public void RecordFailureTwoThreads() => OnTwoThreads(() =>
    {
        var step = _step;
        for (var i = 0; i < Records / 2; i++)
        {
            step.RecordFailure(TimeSpan.FromTicks(1_000 + (i & 0xFFFF) * 10), "timeout", 504);
        }
    });

    // Already-seen messages, as a broken run repeats them: the cost is the lookup (hashing the message in place).
    private static readonly string[] Messages =
    [
        "Order S00041 is already confirmed.",
        "Order S00042 is already confirmed.",
        "You cannot validate a transfer if no quantities are reserved nor done. To force the transfer, switch in edit mode and encode the done quantities.",
        "Access Denied by record rules for operation: read on record ids: [42], uid: 7, model: sale.order",
    ];

    [Benchmark(OperationsPerInvoke = Records)]
    public void RecordFailureWithMessageTwoThreads() => OnTwoThreads(() =>
    {
        var step = _step;
        for (var i = 0; i < Records / 2; i++)
        {
            step.RecordFailure(TimeSpan.FromTicks(1_000 + (i & 0xFFFF) * 10), "UserError", 200, message: Messages[i & 3]);
        }
    });

    private static void OnTwoThreads(Action work)
    {
        // Plain threads, not the pool, so both really run at once on this 2-core machine.
        var other = new Thread(() => work());
        other.Start();
        work();
        other.Join();
    }
}
