using System.Text.Json.Serialization;
using OdooPerf.Load.Stats;

namespace OdooPerf.Load.Reports;

/// <summary>
/// One distinct failure message in report.json: the reason it came with, its text (the first one's: messages that
/// differ only in their numbers count as one), how many failures carried it and when it was first seen; in the run's
/// list also the step it was first seen in (<c>scenario/step</c>). See docs/load-report.md.
/// </summary>
public sealed record FailureMessageReport
{
    public required string Reason { get; init; }

    public required string Message { get; init; }

    public required long Count { get; init; }

    /// <summary>Where it was first seen, <c>scenario/step</c>: in the run's list only (absent in a step's own).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FirstStep { get; init; }

    public required DateTimeOffset FirstAt { get; init; }

    /// <param name="withStep">True for the run's list, which names the step.</param>
    public static FailureMessageReport From(FailureMessage message, bool withStep)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new FailureMessageReport
        {
            Reason = message.Reason,
            Message = message.Message,
            Count = message.Count,
            FirstStep = withStep ? message.Scope : null,
            FirstAt = message.FirstAt.ToUniversalTime(),
        };
    }

    /// <summary>This entry of step <paramref name="scenario"/>/<paramref name="step"/>'s list, to combine with others.</summary>
    public FailureMessage ToMessage(string scenario, string step) => new(scenario, step, Reason, Message, Count, FirstAt);
}
