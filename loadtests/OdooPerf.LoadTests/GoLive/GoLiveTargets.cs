using System.Globalization;
using OdooPerf.Load.Simulations;
using OdooPerf.Load.Thresholds;
using OdooPerf.LoadTests.Scenarios;

namespace OdooPerf.LoadTests.GoLive;

/// <summary>
/// The go-live targets as thresholds: every standard scenario's p95 under <see cref="StandardP95"/> (3 s: browse,
/// forms, lists, creates, buttons), every report scenario's p95 under <see cref="ReportP95"/> (10 s: grouped reads over
/// the whole ledger, which users start and wait for, as they would for a printed report), and failed requests under
/// <see cref="MaxFailRatePercent"/> of all (2%). Judged per scenario, so a slow flow is named in the verdict.
/// </summary>
internal sealed record GoLiveTargets
{
    public static readonly TimeSpan DefaultStandardP95 = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan DefaultReportP95 = TimeSpan.FromSeconds(10);
    public const double DefaultMaxFailRatePercent = 2;

    public TimeSpan StandardP95 { get; init; } = DefaultStandardP95;

    public TimeSpan ReportP95 { get; init; } = DefaultReportP95;

    public double MaxFailRatePercent { get; init; } = DefaultMaxFailRatePercent;

    /// <summary>The thresholds for a run of <paramref name="scenarios"/>, as the console and reports print them.</summary>
    public IReadOnlyList<Threshold> Thresholds(IEnumerable<OdooScenario> scenarios)
    {
        var expressions = scenarios
            .Select(s => $"{s.Name}: p95 < {DurationText.Format(s.IsReport ? ReportP95 : StandardP95)}")
            .Append($"fail_rate < {MaxFailRatePercent.ToString("0.###", CultureInfo.InvariantCulture)}%");
        return ThresholdParser.ParseAll(expressions);
    }
}
