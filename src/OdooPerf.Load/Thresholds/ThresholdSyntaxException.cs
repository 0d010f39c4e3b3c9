namespace OdooPerf.Load.Thresholds;

/// <summary>
/// A threshold expression could not be parsed. The message is one line naming the expression and the problem,
/// e.g. <c>invalid threshold 'p95 &lt; 3': a latency needs a unit (ms, s or m)</c>; the command line prints it and
/// exits with <see cref="ExitCodes.BadUsage"/>.
/// </summary>
public sealed class ThresholdSyntaxException : FormatException
{
    public ThresholdSyntaxException(string expression, string problem)
        : base($"invalid threshold '{OneLine(expression)}': {OneLine(problem)}")
    {
        Expression = expression;
        Problem = problem;
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>The problem alone, without the expression.</summary>
    public string Problem { get; }

    // A pasted expression may carry a newline or tab, and problems quote parts of it; the message must stay one line.
    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
}
