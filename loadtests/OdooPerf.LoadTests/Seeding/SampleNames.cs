namespace OdooPerf.LoadTests.Seeding;

/// <summary>
/// Plausible, deterministic names for seeded records (the same number always gives the same name), varied enough
/// that searches as users type them return a handful of matches, not one or all.
/// </summary>
internal static class SampleNames
{
    private static readonly string[] Prefixes = ["Alpine", "Baltic", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel", "Lumen", "Maple", "Nordic", "Orchid", "Pioneer"];
    private static readonly string[] Kinds = ["Trading", "Systems", "Foods", "Logistics", "Textiles", "Motors", "Pharma", "Builders", "Retail", "Energy"];
    private static readonly string[] Cities = ["Lyon", "Brussels", "Porto", "Leipzig", "Ghent", "Turin", "Utrecht", "Graz", "Aarhus", "Bilbao"];
    private static readonly string[] Goods = ["Desk", "Chair", "Cable", "Lamp", "Shelf", "Drawer", "Bracket", "Panel", "Valve", "Filter", "Pump", "Sensor"];
    private static readonly string[] Variants = ["Basic", "Pro", "Compact", "Large", "Steel", "Oak", "Black", "White"];

    public static string Company(int number, string suffix) =>
        $"{Prefixes[number % Prefixes.Length]} {Kinds[number / Prefixes.Length % Kinds.Length]} {suffix} {number:D5}";

    public static string City(int number) => Cities[number % Cities.Length];

    public static string Email(string kind, int number) => $"{kind}{number:D5}@example.com";

    public static string Product(int number) => $"{Goods[number % Goods.Length]} {Variants[number / Goods.Length % Variants.Length]} {number:D5}";

    /// <summary>A price between 5 and 500 that does not look generated (two decimals, spread out).</summary>
    public static decimal Price(int number) => 5m + (number * 7919 % 49500) / 100m;
}
