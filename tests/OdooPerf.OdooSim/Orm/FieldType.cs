namespace OdooPerf.OdooSim.Orm;

/// <summary>Odoo field types the simulator knows (the values <c>fields_get</c> reports).</summary>
internal enum FieldType
{
    Integer,
    Float,
    Monetary,
    Char,
    Text,
    Html,
    Boolean,
    Date,
    Datetime,
    Selection,
    Many2one,
    One2many,
    Many2many,
}

internal static class FieldTypeNames
{
    public static string OdooName(this FieldType type) => type switch
    {
        FieldType.Integer => "integer",
        FieldType.Float => "float",
        FieldType.Monetary => "monetary",
        FieldType.Char => "char",
        FieldType.Text => "text",
        FieldType.Html => "html",
        FieldType.Boolean => "boolean",
        FieldType.Date => "date",
        FieldType.Datetime => "datetime",
        FieldType.Selection => "selection",
        FieldType.Many2one => "many2one",
        FieldType.One2many => "one2many",
        FieldType.Many2many => "many2many",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool IsRelationalList(this FieldType type) => type is FieldType.One2many or FieldType.Many2many;

    public static bool IsNumeric(this FieldType type) => type is FieldType.Integer or FieldType.Float or FieldType.Monetary;

    public static string SqlType(this FieldType type) => type switch
    {
        FieldType.Integer or FieldType.Many2one => "integer",
        FieldType.Float or FieldType.Monetary => "numeric",
        FieldType.Char or FieldType.Selection => "varchar",
        FieldType.Text or FieldType.Html => "text",
        FieldType.Boolean => "boolean",
        FieldType.Date => "date",
        FieldType.Datetime => "timestamp",
        _ => throw new ArgumentOutOfRangeException(nameof(type), $"{type} has no column"),
    };
}
