namespace OdooPerf.Load.Thresholds;

/// <summary>
/// What a threshold is judged on: the whole run (both null), one scenario (<see cref="Step"/> null) or one step
/// of a scenario. Written <c>scenario</c> or <c>scenario/step</c> before a colon: <c>browse/open_form: p95 &lt; 3s</c>.
/// The separator is '/' because names may contain '.', '-' and '_' (e.g. <c>sale.order</c>).
/// </summary>
public sealed record ThresholdScope
{
    public static readonly ThresholdScope Run = new(null, null);

    public ThresholdScope(string? scenario, string? step)
    {
        if (scenario is null && step is not null)
            throw new ArgumentException("a step scope needs its scenario", nameof(step));
        Scenario = scenario;
        Step = step;
    }

    public string? Scenario { get; }

    public string? Step { get; }

    public bool IsRun => Scenario is null;

    public static ThresholdScope ForScenario(string scenario) => new(scenario, null);

    public static ThresholdScope ForStep(string scenario, string step) => new(scenario, step);

    /// <summary>True when a name can be written in a threshold scope: letters, digits, '_', '-' and '.'.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    /// <summary>As written in a threshold: <c>browse</c>, <c>browse/open_form</c>; "the run" for the whole run.</summary>
    public override string ToString() => Scenario is null ? "the run" : Step is null ? Scenario : $"{Scenario}/{Step}";
}
