using Npgsql;

namespace OdooPerf.Collector.Postgres;

/// <summary>Reads statistics columns as the doubles Prometheus stores, whatever their SQL type.</summary>
public static class ReaderValues
{
    /// <summary>
    /// The column as a double: numbers as they are, timestamps as Unix seconds, booleans as 0/1; null
    /// when SQL NULL (a counter never touched, a timestamp never set).
    /// </summary>
    public static double? Double(this NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return reader.GetValue(ordinal) switch
        {
            long l => l,
            int i => i,
            short s => s,
            double d => d,
            float f => f,
            decimal m => (double)m,
            bool b => b ? 1 : 0,
            DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToUnixTimeMilliseconds() / 1000.0,
            DateTimeOffset t => t.ToUnixTimeMilliseconds() / 1000.0,
            var other => Convert.ToDouble(other, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The column as text; the empty string when SQL NULL.</summary>
    public static string Text(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? string.Empty : Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
