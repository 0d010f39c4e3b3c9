namespace OdooPerf.Load.Stats;

/// <summary>
/// One distinct message that failures carried (Odoo's "The order is already confirmed."), with the failure reason it
/// came with, how many failures carried it, and the step and time it was first seen. Messages that differ only in their
/// numbers (record ids, amounts, dates) count as one (<see cref="FailureMessageText.SameMessage"/>); <see cref="Message"/>
/// is the first one's text, on one line, cut to <see cref="FailureMessageLimits.MaxLength"/>, secrets masked.
/// </summary>
public sealed record FailureMessage(string Scenario, string Step, string Reason, string Message, long Count, DateTimeOffset FirstAt)
{
    /// <summary>"scenario/step", as reports name a step.</summary>
    public string Scope => $"{Scenario}/{Step}";
}
