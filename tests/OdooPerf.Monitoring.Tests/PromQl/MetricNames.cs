namespace OdooPerf.Monitoring.Tests.PromQl;

/// <summary>
/// The metric names a PromQL expression reads: identifiers outside label matchers, strings and ranges that are not
/// functions, aggregations, keywords or the label lists of by/without/on/ignoring/group_left/group_right. Enough of
/// PromQL's lexical rules for checking dashboards and rules; a real Prometheus checks the syntax.
/// </summary>
public static class MetricNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "inf", "nan", "Inf", "NaN",
        "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile",
    };

    private static readonly HashSet<string> LabelListKeywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right",
    };

    public static IReadOnlySet<string> In(string expression)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var text = expression.AsSpan();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`')
            {
                i = SkipString(text, i);
            }
            else if (c == '{')
            {
                i = SkipPast(text, i, '}');
            }
            else if (c == '[')
            {
                i = SkipPast(text, i, ']');
            }
            else if (c == '#')
            {
                i = SkipPast(text, i, '\n');
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                // A number or a duration (5m, 1e9, 0x1F, 1.5e-3).
                i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '.' || ((text[i] is '+' or '-') && text[i - 1] is 'e' or 'E')))
                {
                    i++;
                }
            }
            else if (char.IsAsciiLetter(c) || c is '_' or ':')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or ':'))
                {
                    i++;
                }

                var word = text[start..i].ToString();
                var next = NextNonSpace(text, i);
                if (LabelListKeywords.Contains(word))
                {
                    if (next < text.Length && text[next] == '(')
                    {
                        i = SkipPast(text, next, ')');
                    }
                }
                else if (!Keywords.Contains(word) && (next >= text.Length || text[next] != '('))
                {
                    names.Add(word);
                }
            }
            else
            {
                i++;
            }
        }

        return names;
    }

    private static int NextNonSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipPast(ReadOnlySpan<char> text, int i, char end)
    {
        for (i++; i < text.Length && text[i] != end; i++)
        {
            if (text[i] is '"' or '\'' or '`')
            {
                i = SkipString(text, i) - 1;
            }
        }

        return i + 1;
    }

    private static int SkipString(ReadOnlySpan<char> text, int i)
    {
        var quote = text[i];
        for (i++; i < text.Length && text[i] != quote; i++)
        {
            if (text[i] == '\\' && quote != '`')
            {
                i++;
            }
        }

        return i + 1;
    }
}
