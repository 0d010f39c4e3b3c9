using System.Globalization;

namespace OdooPerf.LoadTests.Calibration;

/// <summary>The failure reason of an HTTP status, <c>http_503</c>: made once per status, not per request.</summary>
internal static class FailureReasons
{
    private static readonly string[] ByStatus = Enumerable.Range(0, 600)
        .Select(code => "http_" + code.ToString(CultureInfo.InvariantCulture))
        .ToArray();

    public static string ForStatus(int status) =>
        status >= 0 && status < ByStatus.Length ? ByStatus[status] : "http_" + status.ToString(CultureInfo.InvariantCulture);
}
