using System.Globalization;

namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>Lines that carry their sequence number, so a test can tell lost, doubled and reordered lines apart.</summary>
internal static class NumberedLine
{
    private const string Prefix = "2025-01-01 00:00:00,000 1 INFO db odoo.test: line ";

    public static string Format(int number) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number:D9} padding to look like a real log line");

    public static int Parse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException($"not a numbered line: '{(line.Length > 80 ? line[..80] + "…" : line)}'");
        }

        return int.Parse(line.AsSpan(Prefix.Length, 9), CultureInfo.InvariantCulture);
    }

    /// <summary>Fails unless <paramref name="received"/> is exactly <paramref name="from"/>, <paramref name="from"/>+1, … (count of them), naming the first difference.</summary>
    public static void AssertSequence(IReadOnlyList<int> received, int from, int count)
    {
        for (var i = 0; i < Math.Min(received.Count, count); i++)
        {
            if (received[i] != from + i)
            {
                var seen = received.Take(i + 5).Skip(Math.Max(0, i - 5));
                Xunit.Assert.Fail($"line {i} is number {received[i]}, expected {from + i} (around it: {string.Join(", ", seen)}); {received.Count} received, {count} expected");
            }
        }

        Xunit.Assert.True(received.Count == count, $"{received.Count} lines received, {count} written");
    }
}
