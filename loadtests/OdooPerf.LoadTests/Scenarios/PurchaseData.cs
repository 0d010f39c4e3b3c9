namespace OdooPerf.LoadTests.Scenarios;

/// <summary>What procure-to-pay picks from: vendors and purchasable goods.</summary>
internal sealed record PurchaseData(RecordPool Vendors, RecordPool Products);
