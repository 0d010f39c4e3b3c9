using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OdooPerf.Load.Simulations;

namespace OdooPerf.Load.Reports;

/// <summary>
/// Reads and writes report.json. Reading checks what a merge or a comparison relies on (the tool, the schema version,
/// every required field, every histogram) and turns any problem into a one-line <see cref="LoadReportException"/>
/// naming the file; fields it does not know are ignored, so a newer writer's additions do not break an older reader.
/// </summary>
public static class LoadReportJson
{
    public const string FileName = "report.json";

    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,

        // A file for people and tools, not a page: keep "p95 < 3s" and "—" readable rather than \u003C.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Stream stream, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(report);
        JsonSerializer.Serialize(stream, report, Options);
    }

    /// <summary>Writes <paramref name="path"/> whole or not at all (temporary file, then rename).</summary>
    public static void Write(string path, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        AtomicFile.Write(path, stream => Write(stream, report));
    }

    public static string ToJson(LoadReport report) => JsonSerializer.Serialize(report, Options);

    /// <exception cref="LoadReportException">The file cannot be read or is not a valid load report.</exception>
    public static LoadReport Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new LoadReportException($"{path}: cannot be read ({e.Message})", e);
        }

        return Parse(bytes, path);
    }

    /// <summary>Reads a report from <paramref name="utf8"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="LoadReportException">Not a valid load report.</exception>
    public static LoadReport Parse(ReadOnlySpan<byte> utf8, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray());
        }
        catch (JsonException e)
        {
            throw new LoadReportException($"{source}: not JSON ({Short(e)})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new LoadReportException($"{source}: not an odooperf-load report (the JSON is not an object)");
            }

            if (!root.TryGetProperty("tool", out var tool) || tool.ValueKind != JsonValueKind.String || tool.GetString() != LoadReport.ToolName)
            {
                throw new LoadReportException($"{source}: not an odooperf-load report (no \"tool\": \"{LoadReport.ToolName}\")");
            }

            if (!root.TryGetProperty("schemaVersion", out var version) || !version.TryGetInt32(out var schemaVersion))
            {
                throw new LoadReportException($"{source}: missing field 'schemaVersion'");
            }

            if (schemaVersion != LoadReport.CurrentSchemaVersion)
            {
                throw new LoadReportException(
                    $"{source}: report schema version {schemaVersion}; this odooperf-load reads version {LoadReport.CurrentSchemaVersion}");
            }

            LoadReport? report;
            try
            {
                report = root.Deserialize<LoadReport>(Options);
            }
            catch (JsonException e)
            {
                throw new LoadReportException($"{source}: {Short(e)}", e);
            }

            if (report is null)
            {
                throw new LoadReportException($"{source}: empty report");
            }

            Validate(report, source);
            return report;
        }
    }

    /// <summary>What the serializer cannot check: no null list items, known values, decodable histograms (unless told not to).</summary>
    internal static void Validate(LoadReport report, string source, bool histograms = true)
    {
        void Fail(string problem) => throw new LoadReportException($"{source}: {problem}");

        if (!StopReasons.IsKnown(report.StopReason))
            Fail($"unknown stopReason '{report.StopReason}'");
        if (report.Segments.Count == 0)
            Fail("no segments");
        foreach (var segment in report.Segments)
        {
            if (!ExecutionSegment.TryParse(segment, out _))
                Fail($"bad segment '{segment}' (expected i/n)");
        }

        if (!(report.IntervalSeconds > 0))
            Fail("intervalSeconds must be more than 0");

        CheckStats(report.Totals, "totals", histograms, Fail);
        foreach (var scenario in report.Scenarios)
        {
            if (scenario is null)
                Fail("null in scenarios");
            CheckStats(scenario!, LoadReport.Where(scenario!.Name, null), histograms, Fail);
            if (scenario.Phases.Any(p => p is null))
                Fail($"null in the phases of scenario '{scenario.Name}'");
            foreach (var step in scenario.Steps)
            {
                if (step is null)
                    Fail($"null in the steps of scenario '{scenario.Name}'");
                CheckStats(step!, LoadReport.Where(scenario.Name, step!.Name), histograms, Fail);
                if (step.FailureMessages.Any(m => m is null))
                    Fail($"null in the failureMessages of {LoadReport.Where(scenario.Name, step.Name)}");
            }
        }

        if (report.FailureMessages.Any(m => m is null))
            Fail("null in failureMessages");

        for (var i = 0; i < report.Series.Count; i++)
        {
            var point = report.Series[i];
            if (point is null)
                Fail($"null in series");
            if (point!.End < point.Start)
                Fail($"series[{i}] ends before it starts");
            if (point.Total is null)
                Fail($"series[{i}] has no total");
            if (histograms)
                CheckHistogram(point.Total!.Histogram, $"series[{i}].total", Fail);
            foreach (var (name, stats) in point.Scenarios)
            {
                if (stats is null)
                    Fail($"null in series[{i}].scenarios");
                if (histograms)
                    CheckHistogram(stats!.Histogram, $"series[{i}].scenarios.{name}", Fail);
            }

            if (point.Steps.Any(s => s is null))
                Fail($"null in series[{i}].steps");
        }

        if (report.Thresholds.Any(t => t is null))
            Fail("null in thresholds");
        if (report.Baseline is { } baseline && (baseline.Steps.Any(s => s is null) || baseline.MissingInCurrent.Any(s => s is null)))
            Fail("null in baseline");
    }

    private static void CheckStats(ReportStats stats, string where, bool histograms, Action<string> fail)
    {
        foreach (var code in stats.StatusCodes.Keys)
        {
            if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                fail($"status code '{code}' in {where} is not a number");
        }

        if (histograms)
            CheckHistogram(stats.Histogram, where, fail);
    }

    private static void CheckHistogram(string? encoded, string where, Action<string> fail)
    {
        // A null series histogram is allowed (merges of points without one); a stats block's cannot be null.
        if (encoded is not null && !Stats.HistogramCodec.TryDecode(encoded, out _))
            fail($"corrupt histogram in {where} (not a base64 compressed HdrHistogram)");
    }

    // The reader's own words, without the line and byte position it appends (the path is more useful and kept).
    private static string Short(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
            message = message[..cut].TrimEnd(' ', '|');
        return message;
    }
}
