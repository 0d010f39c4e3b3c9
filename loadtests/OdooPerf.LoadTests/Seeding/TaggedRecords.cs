using System.Text.Json;
using System.Text.Json.Nodes;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Seeding;

/// <summary>
/// The records a seed tagged in one model, archived ones included (<c>active_test: false</c>): tag number → id and
/// whether it is active. The tag is a reference field (<c>ref</c>, <c>default_code</c>) with a prefix and a number.
/// </summary>
internal sealed record TaggedRecords(IReadOnlyDictionary<int, (long Id, bool Active)> ByNumber)
{
    public static async Task<TaggedRecords> FindAsync(OdooClient client, string model, string field, string prefix, CancellationToken cancellationToken)
    {
        var response = await client.SearchReadAsync(model, OdooDomain.Where(field, "=like", prefix + "%"), [field, "active"],
            context: new JsonObject { ["active_test"] = false }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<int, (long, bool)>();
        foreach (var record in response.GetRecords().EnumerateArray())
        {
            if (record.TryGetProperty(field, out var tag) && tag.ValueKind == JsonValueKind.String
                && int.TryParse(tag.GetString()![prefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                && record.TryGetProperty("id", out var id) && id.TryGetInt64(out var value))
            {
                var active = !record.TryGetProperty("active", out var flag) || flag.ValueKind != JsonValueKind.False;
                found.TryAdd(number, (value, active));
            }
        }

        return new TaggedRecords(found);
    }

    public IEnumerable<long> Ids => ByNumber.Values.Select(r => r.Id);

    /// <summary>Numbers 1..<paramref name="wanted"/> that have no record yet.</summary>
    public IReadOnlyList<int> Missing(int wanted) => Enumerable.Range(1, wanted).Where(n => !ByNumber.ContainsKey(n)).ToArray();

    /// <summary>Archived records among 1..<paramref name="wanted"/> (a cleanup could not delete them): made active again.</summary>
    public IReadOnlyList<long> Archived(int wanted) => ByNumber.Where(p => p.Key <= wanted && !p.Value.Active).Select(p => p.Value.Id).ToArray();
}
