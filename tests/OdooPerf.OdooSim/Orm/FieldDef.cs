namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// One field of a simulated model. A field is stored (a column of the model's table), computed by SQL
/// (<see cref="SqlExpression"/>, read-only), or relational-list (one2many through an inverse many2one,
/// many2many through a relation table or a computed id query).
/// </summary>
internal sealed class FieldDef
{
    public required string Name { get; init; }

    public required FieldType Type { get; init; }

    public required string Label { get; init; }

    /// <summary>The column in the model's table; null for computed and list fields.</summary>
    public string? Column { get; init; }

    /// <summary>Comodel of a relational field.</summary>
    public string? Relation { get; init; }

    /// <summary>Inverse many2one of a one2many.</summary>
    public string? InverseName { get; init; }

    /// <summary>Extra SQL condition on the comodel's rows of a one2many (<c>{0}</c> is their alias), e.g. invoice lines only.</summary>
    public string? InverseFilter { get; init; }

    /// <summary>Relation table of a stored many2many and its two columns (this side, other side).</summary>
    public (string Table, string Column1, string Column2)? RelationTable { get; init; }

    /// <summary>
    /// SQL giving <c>(owner, id)</c> pairs of a computed many2many for the owner ids in <c>$1</c> (an int[]).
    /// </summary>
    public string? IdsSql { get; init; }

    /// <summary>SQL expression of a computed field, <c>{0}</c> standing for the model's table alias.</summary>
    public string? SqlExpression { get; init; }

    public bool Required { get; init; }

    public bool Readonly { get; init; }

    /// <summary>ON DELETE of a stored many2one: <c>set null</c>, <c>cascade</c> or <c>restrict</c>.</summary>
    public string OnDelete { get; init; } = "set null";

    public IReadOnlyList<(string Value, string Label)>? Selection { get; init; }

    /// <summary>
    /// Values outside <see cref="Selection"/> are refused with Odoo's <c>ValueError: Wrong value for model.field</c>
    /// (set for selections whose values a version changed, where the simulator knows the full list).
    /// </summary>
    public bool ChecksSelection { get; init; }

    public bool IsStored => Column is not null;

    /// <summary>True when the field can appear in a WHERE/ORDER BY/GROUP BY as a scalar SQL expression.</summary>
    public bool IsScalar => Column is not null || SqlExpression is not null;

    /// <summary>The scalar SQL of this field for a table alias.</summary>
    public string Sql(string alias) => Column is not null
        ? $"{alias}.\"{Column}\""
        : SqlExpression is not null
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, SqlExpression, alias)
            : throw new InvalidOperationException($"{Name} has no scalar SQL");

    /// <summary>The same field under another public name (and label), on the same column.</summary>
    public FieldDef Renamed(string name, string? label) => Copy(name, label ?? Label, Selection, ChecksSelection);

    /// <summary>The same field with another list of selection values, which it then enforces.</summary>
    public FieldDef WithSelection(IReadOnlyList<(string Value, string Label)> selection, string? label) => Copy(Name, label ?? Label, selection, checks: true);

    private FieldDef Copy(string name, string label, IReadOnlyList<(string Value, string Label)>? selection, bool checks) => new()
    {
        Name = name,
        Type = Type,
        Label = label,
        Column = Column,
        Relation = Relation,
        InverseName = InverseName,
        InverseFilter = InverseFilter,
        RelationTable = RelationTable,
        IdsSql = IdsSql,
        SqlExpression = SqlExpression,
        Required = Required,
        Readonly = Readonly,
        OnDelete = OnDelete,
        Selection = selection,
        ChecksSelection = checks,
    };

    /// <summary>Aggregate read_group applies by default (Odoo's <c>group_operator</c>).</summary>
    public string? GroupOperator => Type.IsNumeric() && Name != "id" && Name != "sequence" ? "sum" : null;
}
