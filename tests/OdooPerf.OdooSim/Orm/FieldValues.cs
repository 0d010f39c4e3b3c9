using System.Globalization;
using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>Database values as Odoo's <c>read()</c> returns them: NULL is False (0 for numbers), dates as strings.</summary>
internal static class FieldValues
{
    public static JsonNode? ToJson(FieldDef field, object? raw)
    {
        if (raw is null)
        {
            return field.Type switch
            {
                FieldType.Integer => JsonValue.Create(0),
                FieldType.Float or FieldType.Monetary => Values.Number(0),
                _ => JsonValue.Create(false),
            };
        }

        return field.Type switch
        {
            FieldType.Integer or FieldType.Many2one => JsonValue.Create(Convert.ToInt32(raw, CultureInfo.InvariantCulture)),
            FieldType.Float or FieldType.Monetary => Values.Number(Convert.ToDouble(raw, CultureInfo.InvariantCulture)),
            FieldType.Boolean => JsonValue.Create(Convert.ToBoolean(raw, CultureInfo.InvariantCulture)),
            FieldType.Date => JsonValue.Create(AsDateTime(raw).ToString(Values.DateFormat, CultureInfo.InvariantCulture)),
            FieldType.Datetime => JsonValue.Create(AsDateTime(raw).ToString(Values.DatetimeFormat, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(Convert.ToString(raw, CultureInfo.InvariantCulture)),
        };
    }

    private static DateTime AsDateTime(object raw) => raw switch
    {
        DateTime dt => dt,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset dto => dto.UtcDateTime,
        _ => DateTime.Parse(Convert.ToString(raw, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };
}
