namespace OdooPerf.Odoo.Schema;

/// <summary>
/// One field of a model as the server's <c>fields_get</c> describes it: its name, type (<c>char</c>, <c>many2one</c>,
/// <c>one2many</c>, ...), the model a relational field points to, and whether a record needs it.
/// </summary>
public sealed record OdooField(string Name, string Type, string? Relation, bool Required);
