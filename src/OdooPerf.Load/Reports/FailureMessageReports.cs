using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Reports;

/// <summary>
/// The failure messages of report.json: each step's, and the run's list made from them (the same message in two
/// steps is one entry, with the step it was first seen in), for a run's report and a merged one alike.
/// </summary>
internal static class FailureMessageReports
{
    /// <summary>A step's list, earliest first.</summary>
    public static FailureMessageReport[] ForStep(IEnumerable<FailureMessage> messages) =>
        messages.Select(m => FailureMessageReport.From(m, withStep: false)).ToArray();

    /// <summary>The run's list: every step's messages combined, earliest first.</summary>
    public static FailureMessageReport[] ForRun(IEnumerable<ScenarioReport> scenarios) =>
        FailureMessageCombiner.Combine(scenarios.SelectMany(s => s.Steps.SelectMany(step => step.FailureMessages.Select(m => m.ToMessage(s.Name, step.Name)))))
            .Select(m => FailureMessageReport.From(m, withStep: true))
            .ToArray();

    /// <summary>The run's failures whose message was not kept, by reason: the steps' added.</summary>
    public static SortedDictionary<string, long> OtherForRun(IEnumerable<ScenarioReport> scenarios) =>
        ReportStats.Sorted(scenarios.SelectMany(s => s.Steps.SelectMany(step => step.OtherFailureMessages)));
}
