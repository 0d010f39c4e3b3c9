namespace OdooPerf.LoadTests.Scenarios;

/// <summary>What the selling scenarios pick from: customers (possibly none) and saleable goods.</summary>
internal sealed record SalesData(RecordPool Customers, RecordPool Products);
