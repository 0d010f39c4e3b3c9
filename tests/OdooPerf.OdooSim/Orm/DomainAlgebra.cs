using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>Odoo's <c>osv.expression</c> helpers: <c>normalize_domain</c> (explicit '&amp;') and <c>AND</c>.</summary>
internal static class DomainAlgebra
{
    public static JsonArray Normalize(JsonArray? domain)
    {
        if (domain is null || domain.Count == 0)
        {
            return [new JsonArray(1, "=", 1)];
        }

        var result = new JsonArray();
        var expected = 1;
        foreach (var token in domain)
        {
            if (expected == 0)
            {
                result.Insert(0, "&");
                expected = 1;
            }

            if (token is JsonArray)
            {
                expected--;
            }
            else
            {
                expected += Values.ToStringOrNull(token) switch { "!" => 0, "&" or "|" => 1, _ => -1 };
            }

            result.Add(token?.DeepClone());
        }

        return result;
    }

    /// <summary><c>expression.AND(domains)</c>: empty domains drop out, the others are normalized and joined by '&amp;'.</summary>
    public static JsonArray And(params JsonArray?[] domains)
    {
        var result = new JsonArray();
        var count = 0;
        foreach (var domain in domains)
        {
            if (domain is null || domain.Count == 0 || IsTrue(domain))
            {
                continue;
            }

            foreach (var token in Normalize(domain))
            {
                result.Add(token?.DeepClone());
            }

            count++;
        }

        for (var i = 1; i < count; i++)
        {
            result.Insert(0, "&");
        }

        return result.Count == 0 ? [new JsonArray(1, "=", 1)] : result;
    }

    private static bool IsTrue(JsonArray domain) =>
        domain.Count == 1 && domain[0] is JsonArray leaf && leaf.Count == 3 && Values.IsNumber(leaf[0]) && Values.ToDouble(leaf[0]) == 1;
}
