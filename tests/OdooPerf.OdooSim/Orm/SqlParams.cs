namespace OdooPerf.OdooSim.Orm;

/// <summary>Positional parameters collected while building a statement: <see cref="Add"/> returns <c>$n</c>.</summary>
internal sealed class SqlParams
{
    private readonly List<object?> _values = [];

    public string Add(object? value)
    {
        _values.Add(value);
        return "$" + _values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public object?[] ToArray() => [.. _values];
}
