namespace OdooPerf.LoadTests.Scenarios;

/// <summary>What the inventory scenario works with: the internal transfer type, its source, destinations, storable products.</summary>
internal sealed record InventoryData(long PickingTypeId, long Source, IReadOnlyList<long> Destinations, RecordPool Products);
