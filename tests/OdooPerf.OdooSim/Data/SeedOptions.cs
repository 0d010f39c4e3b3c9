namespace OdooPerf.OdooSim.Data;

/// <summary>How much demo data a new simulated database gets.</summary>
internal sealed record SeedOptions(
    string AdminLogin,
    string AdminPassword,
    string? ApiKey,
    int ExtraUsers,
    int Customers,
    int Vendors,
    int Products,
    decimal StockPerProduct);
