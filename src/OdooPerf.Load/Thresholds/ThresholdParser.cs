using System.Globalization;

namespace OdooPerf.Load.Thresholds;

/// <summary>
/// Reads threshold expressions as testers write them on a command line. Grammar (whitespace anywhere between
/// tokens, metric names and units case-insensitive, scope names case-sensitive):
/// <code>
/// threshold  := [scope ':'] metric (operator value | regression)
/// scope      := name ['/' name]                       scenario, or scenario/step; name := [A-Za-z0-9_.-]+
/// metric     := p50 | p75 | p90 | p95 | p99 | p99.9 | min | mean | stddev | max   (latencies)
///             | fail_rate | rps | requests | failed | ok
/// operator   := '&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '=='
/// value      := number [unit]                         number := digits ['.' digits], never negative
///               latency: unit required, ms | s | m;   fail_rate: N% (0..100) or a fraction 0..1;
///               rps: a plain number;                  requests, failed, ok: a whole number
/// regression := '+' number '%' | '-' number '%'       against a baseline; '+' where higher is worse, '-' for rps, requests, ok
/// </code>
/// Examples: <c>p95 &lt; 3s</c>, <c>browse: p99.9 &lt;= 12s</c>, <c>browse/open_form: fail_rate &lt; 2%</c>,
/// <c>rps &gt; 100</c>, <c>failed == 0</c>, <c>p95 +20%</c>. Bad input yields a <see cref="ThresholdSyntaxException"/>
/// (or false from <see cref="TryParse"/>) with a one-line message; nothing else is ever thrown.
/// </summary>
public static class ThresholdParser
{
    /// <exception cref="ThresholdSyntaxException">The expression is malformed.</exception>
    public static Threshold Parse(string expression)
    {
        if (TryParse(expression, out var threshold, out var error))
            return threshold;
        throw error;
    }

    /// <summary>Parses each expression; the first malformed one throws <see cref="ThresholdSyntaxException"/>.</summary>
    public static IReadOnlyList<Threshold> ParseAll(IEnumerable<string> expressions) => expressions.Select(Parse).ToArray();

    public static bool TryParse(
        string? expression,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Threshold? threshold,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ThresholdSyntaxException? error)
    {
        var text = expression ?? "";
        try
        {
            var problem = TryRead(text, out threshold);
            error = problem is null ? null : new ThresholdSyntaxException(text, problem);
            return problem is null;
        }
        catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
        {
            // A bug in the reader must still reach the tester as a usage error, never as a crash.
            threshold = null;
            error = new ThresholdSyntaxException(text, "cannot be read (" + unexpected.GetType().Name + ")");
            return false;
        }
    }

    /// <summary>Returns the problem, or null with <paramref name="threshold"/> set.</summary>
    private static string? TryRead(string text, out Threshold? threshold)
    {
        threshold = null;
        if (string.IsNullOrWhiteSpace(text))
            return "it is empty; expected e.g. 'p95 < 3s' or 'browse: fail_rate < 2%'";

        var scope = ThresholdScope.Run;
        var body = text;
        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            var scopeProblem = ReadScope(text[..colon], out scope);
            if (scopeProblem is not null)
                return scopeProblem;
            body = text[(colon + 1)..];
            if (body.Contains(':'))
                return "more than one ':'; write 'scenario/step: ...' (the scope separator is '/')";
        }

        var cursor = new Cursor(body);
        cursor.SkipSpaces();
        var metricName = cursor.Take(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.');
        if (metricName.Length == 0)
            return cursor.AtEnd
                ? "expected a metric after ':' (" + string.Join(", ", ThresholdMetrics.KnownNames) + ")"
                : $"expected a metric at '{cursor.Rest}' (" + string.Join(", ", ThresholdMetrics.KnownNames) + ")";
        if (!ThresholdMetrics.TryParse(metricName, out var metric))
            return $"unknown metric '{metricName}'; known: " + string.Join(", ", ThresholdMetrics.KnownNames);

        cursor.SkipSpaces();
        if (cursor.Peek is '+' or '-' && cursor.PeekAt(1) is char next && (char.IsAsciiDigit(next) || next is '.' or ' '))
            return ReadRegression(cursor, scope, metric, out threshold);

        var symbol = cursor.Take(c => c is '<' or '>' or '=' or '!');
        if (symbol.Length == 0)
            return cursor.AtEnd
                ? $"expected an operator (<, <=, >, >=, ==) or a regression (+20%) after '{metric.Name()}'"
                : $"expected an operator (<, <=, >, >=, ==) after '{metric.Name()}', found '{cursor.Rest}'";
        if (!ComparisonOperators.TryParse(symbol, out var op))
            return $"bad operator '{symbol}'; use <, <=, >, >= or ==";

        cursor.SkipSpaces();
        if (cursor.Peek == '-')
            return "a limit cannot be negative";
        if (cursor.AtEnd)
            return $"expected a value after '{symbol}'";
        var numberProblem = ReadNumber(cursor, out var number, out var numberText);
        if (numberProblem is not null)
            return numberProblem;
        cursor.SkipSpaces();
        var unit = cursor.Take(c => char.IsAsciiLetter(c) || c == '%').ToLowerInvariant();
        cursor.SkipSpaces();
        if (!cursor.AtEnd)
            return $"unexpected '{cursor.Rest.TrimEnd()}' after '{numberText}{unit}'";

        var limitProblem = Canonical(metric, number, unit, out var limit);
        if (limitProblem is not null)
            return limitProblem;
        threshold = new LimitThreshold(scope, metric, op, limit, numberText + unit);
        return null;
    }

    private static string? ReadScope(string written, out ThresholdScope scope)
    {
        scope = ThresholdScope.Run;
        var trimmed = written.Trim();
        if (trimmed.Length == 0)
            return "empty scope before ':'; write 'scenario: ...' or 'scenario/step: ...', or drop the ':' for the whole run";
        var parts = trimmed.Split('/');
        if (parts.Length > 2)
            return $"scope '{trimmed}' has more than one '/'; write 'scenario' or 'scenario/step'";
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            var what = i == 0 ? "scenario" : "step";
            if (part.Length == 0)
                return $"empty {what} name in scope '{trimmed}'";
            if (!ThresholdScope.IsValidName(part))
                return $"{what} name '{part}' may only contain letters, digits, '_', '-' and '.'";
            parts[i] = part;
        }
        scope = parts.Length == 1 ? ThresholdScope.ForScenario(parts[0]) : ThresholdScope.ForStep(parts[0], parts[1]);
        return null;
    }

    private static string? ReadRegression(Cursor cursor, ThresholdScope scope, ThresholdMetric metric, out Threshold? threshold)
    {
        threshold = null;
        var sign = cursor.Next();
        cursor.SkipSpaces();
        var numberProblem = ReadNumber(cursor, out var number, out var numberText);
        if (numberProblem is not null)
            return numberProblem;
        cursor.SkipSpaces();
        var unit = cursor.Take(c => char.IsAsciiLetter(c) || c == '%');
        cursor.SkipSpaces();
        if (!cursor.AtEnd)
            return $"unexpected '{cursor.Rest.TrimEnd()}' after '{sign}{numberText}{unit}'";
        if (unit != "%")
            return $"a regression allowance is a percentage of the baseline, e.g. '{metric.Name()} {(metric.HigherIsWorse() ? '+' : '-')}20%'";
        if (metric.HigherIsWorse() && sign == '-')
            return $"a higher {metric.Name()} is the regression; write the allowed increase, e.g. '{metric.Name()} +20%'";
        if (!metric.HigherIsWorse() && sign == '+')
            return $"a lower {metric.Name()} is the regression; write the allowed decrease, e.g. '{metric.Name()} -10%'";
        if (sign == '-' && number > 100)
            return "a decrease cannot exceed 100%";
        threshold = new RegressionThreshold(scope, metric, (double)number);
        return null;
    }

    private static string? ReadNumber(Cursor cursor, out decimal number, out string text)
    {
        number = 0;
        text = cursor.Take(c => char.IsAsciiDigit(c) || c == '.');
        if (text.Length == 0)
            return cursor.AtEnd ? "expected a number at the end" : $"expected a number at '{cursor.Rest.TrimEnd()}'";
        var dot = text.IndexOf('.');
        var wellFormed = dot != 0 && dot != text.Length - 1 && text.IndexOf('.', dot + 1) < 0;
        if (!wellFormed || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
            return $"malformed number '{text}'";
        return null;
    }

    /// <summary>Checks the unit against the metric's kind and converts to canonical units (exactly, in decimal).</summary>
    private static string? Canonical(ThresholdMetric metric, decimal number, string unit, out double limit)
    {
        limit = 0;
        var name = metric.Name();
        switch (metric.Kind())
        {
            case MetricKind.Latency:
                if (unit.Length == 0)
                    return "a latency needs a unit (ms, s or m)";
                if (unit == "%")
                    return $"{name} is a latency, not a percentage; use ms, s or m (a percentage is a regression: '{name} +20%')";
                decimal? factor = unit switch { "ms" => 1m, "s" => 1_000m, "m" => 60_000m, _ => null };
                if (factor is null)
                    return $"unknown unit '{unit}'; a latency takes ms, s or m";
                limit = (double)(number * factor.Value);
                return null;
            case MetricKind.Rate:
                if (unit == "%")
                {
                    if (number > 100)
                        return "a percentage cannot exceed 100%";
                    limit = (double)(number / 100m);
                    return null;
                }
                if (unit.Length > 0)
                    return $"{name} is a share of requests: a percentage (2%) or a fraction (0.02), not '{unit}'";
                if (number > 1)
                    return $"a fraction must be between 0 and 1; for {number.ToString(CultureInfo.InvariantCulture)} percent write {number.ToString(CultureInfo.InvariantCulture)}%";
                limit = (double)number;
                return null;
            case MetricKind.Throughput:
                if (unit.Length > 0)
                    return $"{name} takes a plain number of requests per second, not '{unit}'";
                limit = (double)number;
                return null;
            default:
                if (unit.Length > 0)
                    return $"{name} is a count of requests and takes no unit, not '{unit}'";
                if (number != decimal.Truncate(number))
                    return $"{name} is a count of requests; it needs a whole number";
                limit = (double)number;
                return null;
        }
    }

    /// <summary>A position in the expression, for a reader that wants to say where it stopped.</summary>
    private sealed class Cursor(string text)
    {
        private int _position;

        public bool AtEnd => _position >= text.Length;

        public char? Peek => AtEnd ? null : text[_position];

        public string Rest => text[_position..];

        public char? PeekAt(int offset) => _position + offset < text.Length ? text[_position + offset] : null;

        public char Next() => text[_position++];

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_position]))
                _position++;
        }

        public string Take(Func<char, bool> accepts)
        {
            var start = _position;
            while (!AtEnd && accepts(text[_position]))
                _position++;
            return text[start.._position];
        }
    }
}
