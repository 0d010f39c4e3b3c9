using System.Buffers.Text;
using OdooPerf.Collector.OdooLog.Tailing;
using Xunit;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

[CollectionDefinition(nameof(LargeInputTests), DisableParallelization = true)]
public sealed class LargeInputCollection;

/// <summary>
/// Memory bounds, not timings: the follower polls on the test thread, so the bytes this thread allocates are
/// the follower's own; the heap is measured with nothing else running.
/// </summary>
[Collection(nameof(LargeInputTests))]
public sealed class LargeInputTests : IDisposable
{
    private const int MiB = 1024 * 1024;

    private readonly TempDirectory _directory = new();
    private readonly string _log;

    public LargeInputTests()
    {
        _log = _directory.File("odoo.log");
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_10_MB_line_is_skipped_without_being_held_and_its_neighbours_arrive()
    {
        var chunk = new byte[MiB];
        chunk.AsSpan().Fill((byte)'x');
        using (var stream = File.Create(_log))
        {
            stream.Write("before\n"u8);
            for (var i = 0; i < 10; i++)
            {
                stream.Write(chunk);
            }

            stream.Write("\nafter\n"u8);
        }

        var sink = new RecordingSink();
        var follower = Tail.Follower(_log, sink, fromStart: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        follower.Poll();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        Assert.Equal(["before", "after"], sink.Lines);
        Assert.Equal(1, sink.TooLong);
        Assert.Equal(1, follower.Status.TooLongLines);
        Assert.Equal(10 * MiB + 14, follower.Status.PositionBytes);
        Assert.True(allocated < MiB / 4, $"{allocated} bytes allocated to skip a 10 MiB line");
        Assert.True(heapGrowth < MiB, $"heap grew by {heapGrowth} bytes");
    }

    [Fact]
    public async Task A_burst_of_a_million_lines_is_counted_whole_with_bounded_memory()
    {
        const int Lines = 1_000_000;
        File.WriteAllText(_log, string.Empty);
        var sink = new SequenceSink();
        var follower = Tail.Follower(_log, sink);
        follower.Poll(); // at the end of the empty file

        var writing = Task.Run(() =>
        {
            using var stream = new FileStream(_log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: MiB);
            Span<byte> line = stackalloc byte[16];
            for (var i = 0; i < Lines; i++)
            {
                Utf8Formatter.TryFormat(i, line, out var length);
                line[length] = (byte)'\n';
                stream.Write(line[..(length + 1)]);
            }
        });

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (sink.Count < Lines && DateTime.UtcNow < deadline)
        {
            follower.Poll();
            Thread.Sleep(20);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        await writing;

        Assert.Equal(Lines, sink.Count);
        Assert.Equal(0, sink.OutOfSequence);
        Assert.Equal(Lines, follower.Status.LinesDelivered);
        Assert.Equal(new FileInfo(_log).Length, follower.Status.PositionBytes);

        // A single allocation per line would be at least 24 MB here.
        Assert.True(allocated < MiB, $"{allocated} bytes allocated for {Lines} lines");
        Assert.True(heapGrowth < 4 * MiB, $"heap grew by {heapGrowth} bytes");
    }

    /// <summary>Counts lines and checks that each is the next number, without keeping or allocating anything.</summary>
    private sealed class SequenceSink : ILogLineSink
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public int OutOfSequence { get; private set; }

        public void OnLine(ReadOnlySpan<byte> line)
        {
            if (!Utf8Parser.TryParse(line, out int number, out var consumed) || consumed != line.Length || number != _count)
            {
                OutOfSequence++;
            }

            Volatile.Write(ref _count, _count + 1);
        }

        public void OnLineTooLong() => OutOfSequence++;

        public void OnIdle()
        {
        }
    }
}
