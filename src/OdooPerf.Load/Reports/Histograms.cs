using HdrHistogram;
using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Reports;

/// <summary>Decoding the histograms of a report, with an error that says which report and where.</summary>
internal static class Histograms
{
    public static HistogramBase Decode(string? encoded, string source, string where) =>
        HistogramCodec.TryDecode(encoded, out var histogram)
            ? histogram
            : throw new LoadReportException($"{source}: corrupt histogram in {where} (not a base64 compressed HdrHistogram)");
}
