using System.Collections.Concurrent;
using OdooPerf.Odoo.Logs;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// Runs the aggregation on a thread of its own while the caller's thread reads and parses: the reader's
/// entries are copied into batches, handed over in order (so the result is exactly what one thread would
/// compute), and the batches are reused, so at most <see cref="Batches"/> of them exist.
/// </summary>
internal sealed class EntryPipeline : IOdooLogEntryHandler, IDisposable
{
    private const int Batches = 4;

    private readonly BlockingCollection<EntryBatch> _full = new(Batches);
    private readonly BlockingCollection<EntryBatch> _free = new(Batches);
    private readonly Task _consumer;
    private EntryBatch _current;

    public EntryPipeline(LogReportAggregator aggregator)
    {
        for (var i = 1; i < Batches; i++)
        {
            _free.Add(new EntryBatch());
        }

        _current = new EntryBatch();
        _consumer = Task.Factory.StartNew(
            () =>
            {
                foreach (var batch in _full.GetConsumingEnumerable())
                {
                    aggregator.Add(batch);
                    batch.Clear();
                    _free.Add(batch);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    public void OnEntry(in OdooLogEntry entry)
    {
        _current.Add(entry);
        if (_current.Full)
        {
            HandOver();
        }
    }

    public void OnUnparsed(OdooLogUnparsedReason reason, ReadOnlySpan<byte> line)
    {
        _current.AddUnparsed(reason);
        if (_current.Full)
        {
            HandOver();
        }
    }

    /// <summary>Hands over what is left and waits until everything is aggregated.</summary>
    public void Complete()
    {
        if (_current.Count > 0)
        {
            while (!_full.TryAdd(_current, 100))
            {
                ThrowIfFailed();
            }
        }

        _full.CompleteAdding();
        try
        {
            _consumer.GetAwaiter().GetResult();
        }
        finally
        {
            _free.CompleteAdding();
        }
    }

    public void Dispose()
    {
        if (!_full.IsAddingCompleted)
        {
            _full.CompleteAdding();
        }

        try
        {
            _consumer.Wait();
        }
        catch (AggregateException)
        {
            // Already reported by Complete, or the run is failing for another reason.
        }

        _full.Dispose();
        _free.Dispose();
    }

    private void HandOver()
    {
        // Waits in short slices so a failed aggregation surfaces here instead of blocking the reader forever.
        while (!_full.TryAdd(_current, 100))
        {
            ThrowIfFailed();
        }

        EntryBatch? next;
        while (!_free.TryTake(out next, 100))
        {
            ThrowIfFailed();
        }

        _current = next;
    }

    private void ThrowIfFailed()
    {
        if (_consumer.IsFaulted)
        {
            _consumer.GetAwaiter().GetResult();
        }
    }
}
