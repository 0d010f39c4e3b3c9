using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

internal static class JsonElementExtensions
{
    /// <summary>An integer, or Python's <c>False</c> (as 0): how Odoo answers "an id or nothing".</summary>
    public static bool TryGetInt64OrFalse(this JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out value),
            JsonValueKind.False => true,
            _ => false,
        };
    }
}
