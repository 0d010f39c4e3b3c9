namespace OdooPerf.Load.Thresholds;

/// <summary>How a limit threshold compares the actual value with its limit: <c>actual OP limit</c> must hold.</summary>
public enum ComparisonOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
}
