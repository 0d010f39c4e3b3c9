namespace OdooPerf.LoadTests.Seeding;

/// <summary>How many tagged records <c>seed</c> makes sure exist, and the stock each new product gets.</summary>
internal sealed record SeedPlan(int Customers, int Vendors, int Products, decimal StockPerProduct)
{
    public const decimal DefaultStockPerProduct = 1000;
}
