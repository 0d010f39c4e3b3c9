using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>Declares a model compactly; every model gets Odoo's magic fields (id, create/write uid and date).</summary>
internal sealed class ModelBuilder
{
    private readonly string _name;
    private readonly string _table;
    private readonly string _description;
    private readonly string _module;
    private readonly Dictionary<string, FieldDef> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<DefaultContext, JsonNode?>> _defaults = new(StringComparer.Ordinal);
    private string _order = "id";
    private string _displayNameSql = "{0}.\"name\"";
    private string _recName = "name";
    private bool _transient;
    private bool _isView;
    private bool _internal;

    public ModelBuilder(string name, string table, string description, string module)
    {
        _name = name;
        _table = table;
        _description = description;
        _module = module;
        Add(new FieldDef { Name = "id", Type = FieldType.Integer, Label = "ID", Column = "id", Readonly = true });
        Add(new FieldDef { Name = "create_uid", Type = FieldType.Many2one, Label = "Created by", Column = "create_uid", Relation = "res.users", Readonly = true });
        Add(new FieldDef { Name = "create_date", Type = FieldType.Datetime, Label = "Created on", Column = "create_date", Readonly = true });
        Add(new FieldDef { Name = "write_uid", Type = FieldType.Many2one, Label = "Last Updated by", Column = "write_uid", Relation = "res.users", Readonly = true });
        Add(new FieldDef { Name = "write_date", Type = FieldType.Datetime, Label = "Last Updated on", Column = "write_date", Readonly = true });
    }

    public ModelBuilder Order(string order)
    {
        _order = order;
        return this;
    }

    public ModelBuilder DisplayName(string sql, string recName = "name")
    {
        _displayNameSql = sql;
        _recName = recName;
        return this;
    }

    public ModelBuilder Transient()
    {
        _transient = true;
        return this;
    }

    public ModelBuilder View()
    {
        _isView = true;
        return this;
    }

    public ModelBuilder Internal()
    {
        _internal = true;
        return this;
    }

    public ModelBuilder Default(string field, Func<DefaultContext, JsonNode?> value)
    {
        _defaults[field] = value;
        return this;
    }

    public ModelBuilder Default(string field, JsonNode? value) => Default(field, _ => value?.DeepClone());

    public ModelBuilder Default(string field, double value) => Default(field, _ => Values.Number(value));

    public ModelBuilder Default(string field, int value) => Default(field, _ => JsonValue.Create(value));

    public ModelBuilder Stored(string name, FieldType type, string label, bool required = false, bool @readonly = false) =>
        Add(new FieldDef { Name = name, Type = type, Label = label, Column = name, Required = required, Readonly = @readonly });

    public ModelBuilder Char(string name, string label, bool required = false) => Stored(name, FieldType.Char, label, required);

    public ModelBuilder Text(string name, string label) => Stored(name, FieldType.Text, label);

    public ModelBuilder Html(string name, string label) => Stored(name, FieldType.Html, label);

    public ModelBuilder Bool(string name, string label) => Stored(name, FieldType.Boolean, label);

    public ModelBuilder Int(string name, string label) => Stored(name, FieldType.Integer, label);

    public ModelBuilder Float(string name, string label, bool @readonly = false) => Stored(name, FieldType.Float, label, @readonly: @readonly);

    public ModelBuilder Money(string name, string label, bool @readonly = false) => Stored(name, FieldType.Monetary, label, @readonly: @readonly);

    public ModelBuilder Date(string name, string label) => Stored(name, FieldType.Date, label);

    public ModelBuilder Datetime(string name, string label) => Stored(name, FieldType.Datetime, label);

    public ModelBuilder Selection(string name, string label, params (string Value, string Label)[] values) =>
        Add(new FieldDef { Name = name, Type = FieldType.Selection, Label = label, Column = name, Selection = values });

    /// <summary>A many2one; like Odoo's fields.Many2one, ON DELETE is <c>set null</c> unless given, <c>restrict</c> for a required one.</summary>
    public ModelBuilder Many2one(string name, string comodel, string label, bool required = false, string? onDelete = null) =>
        Add(new FieldDef { Name = name, Type = FieldType.Many2one, Label = label, Column = name, Relation = comodel, Required = required, OnDelete = onDelete ?? (required ? "restrict" : "set null") });

    public ModelBuilder One2many(string name, string comodel, string inverse, string label, string? filter = null) =>
        Add(new FieldDef { Name = name, Type = FieldType.One2many, Label = label, Relation = comodel, InverseName = inverse, InverseFilter = filter });

    public ModelBuilder Many2many(string name, string comodel, string label, string relationTable, string column1, string column2) =>
        Add(new FieldDef { Name = name, Type = FieldType.Many2many, Label = label, Relation = comodel, RelationTable = (relationTable, column1, column2) });

    /// <summary>A read-only many2many computed by <paramref name="idsSql"/> (pairs of owner id and comodel id for owners in $1).</summary>
    public ModelBuilder ComputedMany2many(string name, string comodel, string label, string idsSql) =>
        Add(new FieldDef { Name = name, Type = FieldType.Many2many, Label = label, Relation = comodel, IdsSql = idsSql, Readonly = true });

    /// <summary>A read-only scalar computed by SQL (<c>{0}</c> is the model's alias).</summary>
    public ModelBuilder Computed(string name, FieldType type, string label, string sql, string? relation = null, params (string Value, string Label)[] selection) =>
        Add(new FieldDef
        {
            Name = name, Type = type, Label = label, SqlExpression = sql, Relation = relation, Readonly = true,
            Selection = selection.Length > 0 ? selection : null,
        });

    /// <summary>A related field through a stored many2one: <c>related="via.target"</c>.</summary>
    public ModelBuilder Related(string name, FieldType type, string label, string via, string comodelTable, string target, string? relation = null, params (string Value, string Label)[] selection) =>
        Computed(name, type, label, $"(SELECT r.\"{target}\" FROM \"{comodelTable}\" r WHERE r.id = {{0}}.\"{via}\")", relation, selection);

    public ModelDef Build()
    {
        if (_isView)
        {
            // A report over a SQL view has no create/write uid and date (_log_access is False; real fields_get dumps of 16-19).
            foreach (var magic in new[] { "create_uid", "create_date", "write_uid", "write_date" })
            {
                _fields.Remove(magic);
            }
        }

        // display_name is a computed field of every model in Odoo 17: readable, searchable, sortable.
        Add(new FieldDef { Name = "display_name", Type = FieldType.Char, Label = "Display Name", SqlExpression = _displayNameSql, Readonly = true });
        return new ModelDef
        {
        Name = _name,
        Table = _table,
        Description = _description,
        Module = _module,
        Fields = _fields,
        Order = _order,
        DisplayNameSql = _displayNameSql,
        RecName = _recName,
        Transient = _transient,
        IsView = _isView,
        Internal = _internal,
        Defaults = _defaults,
        };
    }

    private ModelBuilder Add(FieldDef field)
    {
        _fields[field.Name] = field;
        return this;
    }
}
