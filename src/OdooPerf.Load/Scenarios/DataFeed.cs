namespace OdooPerf.Load.Scenarios;

/// <summary>A list of items handed to iterations in a <see cref="DataFeedOrder"/>; read with <see cref="ScenarioContext.Data{T}"/>.</summary>
public sealed class DataFeed<T> : IDataFeed
{
    private readonly T[] _items;
    private readonly DataFeedOrder _order;
    private long _next = -1;

    public DataFeed(IEnumerable<T> items, DataFeedOrder order = DataFeedOrder.Circular)
    {
        _items = items.ToArray();
        if (_items.Length == 0)
        {
            throw new ArgumentException("a data feed needs at least one item", nameof(items));
        }

        _order = order;
    }

    public int Count => _items.Length;

    public object? Next(ScenarioContext context) => _order switch
    {
        DataFeedOrder.Random => _items[System.Random.Shared.Next(_items.Length)],
        DataFeedOrder.PerUser => _items[(context.UserId - 1) % _items.Length],
        _ => _items[(int)(Interlocked.Increment(ref _next) % _items.Length)],
    };
}
