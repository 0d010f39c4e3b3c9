namespace OdooPerf.Load.Thresholds;

/// <summary>Symbols and semantics of <see cref="ComparisonOperator"/>.</summary>
public static class ComparisonOperators
{
    public static string Symbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Equal => "==",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static bool TryParse(string symbol, out ComparisonOperator op)
    {
        foreach (var candidate in Enum.GetValues<ComparisonOperator>())
        {
            if (candidate.Symbol() == symbol)
            {
                op = candidate;
                return true;
            }
        }
        op = default;
        return false;
    }

    /// <summary>True when <c>actual OP limit</c>; NaN never holds (a value that is not a number passes nothing).</summary>
    public static bool Holds(this ComparisonOperator op, double actual, double limit) => op switch
    {
        ComparisonOperator.Less => actual < limit,
        ComparisonOperator.LessOrEqual => actual <= limit,
        ComparisonOperator.Greater => actual > limit,
        ComparisonOperator.GreaterOrEqual => actual >= limit,
        ComparisonOperator.Equal => actual == limit,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
