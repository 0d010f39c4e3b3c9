using System.Text;
using OdooPerf.OdooSim.Catalog;
using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Data;

/// <summary>
/// DDL for the simulated database, derived from the model declarations: one table per model with Odoo's
/// name, many2many relation tables, foreign keys and indexes on many2one columns, the report view, and
/// the sequences behind document names.
/// </summary>
internal static class SchemaBuilder
{
    /// <summary>Marks a database as the simulator's, so a reset never drops someone else's tables.</summary>
    public const string MarkerTable = "odoosim_meta";

    public static readonly IReadOnlyList<string> Sequences =
        ["seq_sale_order", "seq_purchase_order", "seq_picking_in", "seq_picking_out", "seq_picking_int", "seq_invoice", "seq_refund", "seq_bill", "seq_payment", "seq_misc"];

    /// <summary>Identifies the DDL a database was created with: a database with the same one is emptied instead of rebuilt.</summary>
    public static string Fingerprint(IEnumerable<ModelDef> models) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Create(models))));

    /// <summary>Empties every table and restarts ids and document numbers (much faster than dropping and creating).</summary>
    public static string Truncate(IEnumerable<ModelDef> models)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in models.Where(m => !m.IsView))
        {
            tables.Add(model.Table);
            foreach (var field in model.Fields.Values.Where(f => f.RelationTable is not null))
            {
                tables.Add(field.RelationTable!.Value.Table);
            }
        }

        var sql = new StringBuilder($"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t}\""))} RESTART IDENTITY CASCADE;\n");
        foreach (var sequence in Sequences)
        {
            sql.AppendLine($"ALTER SEQUENCE \"{sequence}\" RESTART;");
        }

        return sql.ToString();
    }

    public static string Create(IEnumerable<ModelDef> models)
    {
        var all = models.ToList();
        var tables = all.Where(m => !m.IsView).ToList();
        var byName = all.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var sql = new StringBuilder();
        sql.AppendLine($"CREATE TABLE \"{MarkerTable}\" (key varchar PRIMARY KEY, value varchar);");

        foreach (var model in tables)
        {
            sql.Append($"CREATE TABLE \"{model.Table}\" (id serial PRIMARY KEY");
            foreach (var field in model.StoredFields.Where(f => f.Name != "id"))
            {
                sql.Append($", \"{field.Column}\" {field.Type.SqlType()}");
            }

            sql.AppendLine(");");
        }

        // Odoo keeps the password hash in a column no field reads.
        sql.AppendLine("ALTER TABLE \"res_users\" ADD COLUMN \"password\" varchar;");

        var relations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in tables)
        {
            foreach (var field in model.Fields.Values)
            {
                if (field.Type == FieldType.Many2one && field.IsStored)
                {
                    var target = byName[field.Relation!].Table;
                    sql.AppendLine($"ALTER TABLE \"{model.Table}\" ADD FOREIGN KEY (\"{field.Column}\") REFERENCES \"{target}\"(id) ON DELETE {field.OnDelete};");
                    sql.AppendLine($"CREATE INDEX ON \"{model.Table}\" (\"{field.Column}\");");
                }
                else if (field.RelationTable is { } rel && relations.Add(rel.Table))
                {
                    var target = byName[field.Relation!].Table;
                    sql.AppendLine($"CREATE TABLE \"{rel.Table}\" (\"{rel.Column1}\" integer NOT NULL REFERENCES \"{model.Table}\"(id) ON DELETE CASCADE, " +
                        $"\"{rel.Column2}\" integer NOT NULL REFERENCES \"{target}\"(id) ON DELETE CASCADE, PRIMARY KEY (\"{rel.Column1}\", \"{rel.Column2}\"));");
                    sql.AppendLine($"CREATE INDEX ON \"{rel.Table}\" (\"{rel.Column2}\");");
                }
            }
        }

        foreach (var sequence in Sequences)
        {
            sql.AppendLine($"CREATE SEQUENCE \"{sequence}\";");
        }

        sql.AppendLine(AccountModels.InvoiceReportView + ";");
        return sql.ToString();
    }

    /// <summary>Drops everything <see cref="Create"/> made (only called on a database that has the marker).</summary>
    public static string Drop(IEnumerable<ModelDef> models)
    {
        var sql = new StringBuilder();
        sql.AppendLine("DROP VIEW IF EXISTS \"account_invoice_report\";");
        foreach (var model in models.Where(m => !m.IsView))
        {
            foreach (var rel in model.Fields.Values.Where(f => f.RelationTable is not null).Select(f => f.RelationTable!.Value.Table))
            {
                sql.AppendLine($"DROP TABLE IF EXISTS \"{rel}\" CASCADE;");
            }

            sql.AppendLine($"DROP TABLE IF EXISTS \"{model.Table}\" CASCADE;");
        }

        foreach (var sequence in Sequences)
        {
            sql.AppendLine($"DROP SEQUENCE IF EXISTS \"{sequence}\";");
        }

        sql.AppendLine($"DROP TABLE IF EXISTS \"{MarkerTable}\";");
        return sql.ToString();
    }
}
