using System.Text.Json;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>Records an iteration picks from (customers, vendors, products), found once by the preflight.</summary>
internal sealed record RecordPool(IReadOnlyList<(long Id, string Name)> Records)
{
    // Enough for variety (and for spreading row locks like real users), few enough to keep the preflight cheap.
    public const int MaxRecords = 200;

    public bool IsEmpty => Records.Count == 0;

    public (long Id, string Name) Pick() => Records[Random.Shared.Next(Records.Count)];

    /// <summary>
    /// The records <c>odooperf-load seed</c> tagged (<paramref name="seeded"/>); when there are none, existing ones
    /// (<paramref name="existing"/>), so a copy of production runs on its own data. Two steps at most.
    /// </summary>
    public static async Task<RecordPool> LoadAsync(OdooSetup setup, string step, string model, OdooDomain seeded, OdooDomain existing)
    {
        var pool = await SearchAsync(setup, step, model, seeded).ConfigureAwait(false);
        return pool.IsEmpty ? await SearchAsync(setup, step, model, existing).ConfigureAwait(false) : pool;
    }

    private static async Task<RecordPool> SearchAsync(OdooSetup setup, string step, string model, OdooDomain domain)
    {
        var response = await setup.Call(step, (client, ct) =>
            client.SearchReadAsync(model, domain, ["display_name"], limit: MaxRecords, order: "id", cancellationToken: ct)).ConfigureAwait(false);
        var records = new List<(long, string)>();
        foreach (var record in response.GetRecords().EnumerateArray())
        {
            if (record.TryGetProperty("id", out var id) && id.TryGetInt64(out var value))
            {
                var name = record.TryGetProperty("display_name", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
                records.Add((value, name));
            }
        }

        return new RecordPool(records);
    }
}
