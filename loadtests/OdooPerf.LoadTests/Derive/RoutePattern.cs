namespace OdooPerf.LoadTests.Derive;

/// <summary>
/// The name <c>derive</c> counts a request without a model under: its path without the query string (which can carry
/// access tokens) or Odoo 19's <c>#model.method</c> suffix, with record ids (a segment of digits, or of digits and
/// commas as in <c>/report/pdf/sale.report_saleorder/12,13</c>) as <c>:id</c>, the placeholder the collector's log
/// report uses, so that one endpoint is one call however many records it was asked for.
/// </summary>
internal static class RoutePattern
{
    public const string IdPlaceholder = ":id";

    public static string Of(string path)
    {
        var end = path.IndexOfAny(['?', '#']);
        var bare = end < 0 ? path : path[..end];
        if (!bare.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return bare;
        }

        var segments = bare.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            // /xmlrpc/2/object: the 2 is the API version, not a record.
            if (IsIds(segments[i]) && !(i > 0 && segments[i - 1] == "xmlrpc"))
            {
                segments[i] = IdPlaceholder;
            }
        }

        return string.Join('/', segments);
    }

    private static bool IsIds(string segment) =>
        segment.Length > 0 && char.IsAsciiDigit(segment[0]) && !segment.AsSpan().ContainsAnyExcept("0123456789,");
}
