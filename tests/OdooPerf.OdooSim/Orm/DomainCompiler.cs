using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// Turns an Odoo domain (prefix notation, implicit AND) into a SQL condition: operators <c>= != &lt;&gt; in
/// not in like ilike not like not ilike =like =ilike &lt; &gt; &lt;= &gt;= child_of parent_of</c>, dotted paths through
/// relational fields, many2one compared to a name (a name search on the comodel), x2many membership.
/// </summary>
internal sealed class DomainCompiler(Registry registry, SimRuntime runtime)
{
    private int _aliasCounter;

    // The leaf being compiled, for Odoo's "Invalid field ... in leaf (...)" message.
    private JsonArray? _leaf;

    public string Compile(ModelDef model, JsonArray? domain, string alias, SqlParams parameters)
    {
        if (domain is null || domain.Count == 0)
        {
            return "TRUE";
        }

        var position = 0;
        var parts = new List<string>();
        while (position < domain.Count)
        {
            parts.Add(ParseExpression(model, domain, ref position, alias, parameters));
        }

        return parts.Count == 1 ? parts[0] : "(" + string.Join(" AND ", parts) + ")";
    }

    /// <summary>True when a leaf of the domain is on <c>active</c> (Odoo then does not add its active test).</summary>
    public static bool MentionsActive(JsonArray? domain) =>
        domain is not null && domain.Any(t => t is JsonArray leaf && leaf.Count == 3 && Values.IsString(leaf[0]) && leaf[0]!.GetValue<string>() == "active");

    private string ParseExpression(ModelDef model, JsonArray domain, ref int position, string alias, SqlParams parameters)
    {
        var token = domain[position++];
        if (Values.IsString(token))
        {
            var op = token!.GetValue<string>();
            switch (op)
            {
                case "&":
                case "|":
                    var left = ParseExpression(model, domain, ref position, alias, parameters);
                    var right = ParseExpression(model, domain, ref position, alias, parameters);
                    return $"({left} {(op == "&" ? "AND" : "OR")} {right})";
                case "!":
                    return $"(NOT {ParseExpression(model, domain, ref position, alias, parameters)})";
                default:
                    throw OdooException.ValueError($"Invalid domain term {PythonRepr.Of(token)}");
            }
        }

        if (token is not JsonArray leaf || leaf.Count != 3)
        {
            throw OdooException.ValueError($"Invalid domain term {PythonRepr.Of(token)}");
        }

        if (Values.IsNumber(leaf[0]))
        {
            // TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1).
            return Values.ToDouble(leaf[0]) == Values.ToDouble(leaf[2]) ? "TRUE" : "FALSE";
        }

        var path = Values.ToStringOrNull(leaf[0]) ?? throw OdooException.ValueError($"Invalid field in domain term {PythonRepr.Tuple(leaf)}");
        var @operator = (Values.ToStringOrNull(leaf[1]) ?? "=").ToLowerInvariant();
        _leaf = leaf;
        return Leaf(model, path, @operator, leaf[2], alias, parameters);
    }

    private string Leaf(ModelDef model, string path, string op, JsonNode? value, string alias, SqlParams parameters)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var fieldName = dot < 0 ? path : path[..dot];
        if (!model.Fields.TryGetValue(fieldName, out var field))
        {
            if (runtime.Refuses(model, fieldName))
            {
                // 16-18: odoo/osv/expression.py "Invalid field %s.%s in leaf %s"; 19: odoo/orm/domains.py "... in condition (%r, %r, %r)".
                var where = runtime.Version.Major >= 19 ? "condition" : "leaf";
                throw OdooException.ValueError($"Invalid field {model.Name}.{fieldName} in {where} {PythonRepr.Tuple(_leaf!)}");
            }

            // Lenient: a condition on a field the simulator lacks filters nothing.
            runtime.UnknownField($"{model.Name}.{fieldName}");
            return "TRUE";
        }

        if (dot >= 0)
        {
            var rest = path[(dot + 1)..];
            if (rest == "id" && field.Type == FieldType.Many2one)
            {
                return Leaf(model, fieldName, op, value, alias, parameters);
            }

            return Related(model, field, c => Leaf(registry[field.Relation!], rest, op, value, c, parameters), alias);
        }

        if (field.Type is FieldType.One2many or FieldType.Many2many)
        {
            return X2Many(field, op, value, alias, parameters);
        }

        if (field.Type == FieldType.Many2one && (Values.IsString(value) || (value is JsonArray list && list.Any(Values.IsString)))
            && op is "=" or "!=" or "ilike" or "not ilike" or "like" or "not like" or "=like" or "=ilike" or "in" or "not in")
        {
            // A many2one compared to text matches on the comodel's name, like _name_search.
            var negative = op is "!=" or "not ilike" or "not like" or "not in";
            var positive = op switch { "!=" => "=", "not ilike" => "ilike", "not like" => "like", "not in" => "in", _ => op };
            var comodel = registry[field.Relation!];
            var c = NewAlias();
            var inner = Leaf(comodel, comodel.RecName, positive, value, c, parameters);
            var sub = $"{field.Sql(alias)} IN (SELECT {c}.id FROM \"{comodel.Table}\" {c} WHERE {inner})";
            return negative ? $"({field.Sql(alias)} IS NULL OR NOT {sub})" : sub;
        }

        return Scalar(field, op, value, alias, parameters);
    }

    private string Related(ModelDef model, FieldDef field, Func<string, string> inner, string alias)
    {
        var comodel = registry[field.Relation!];
        var c = NewAlias();
        var condition = inner(c);
        return field.Type switch
        {
            FieldType.Many2one => $"{field.Sql(alias)} IN (SELECT {c}.id FROM \"{comodel.Table}\" {c} WHERE {condition})",
            FieldType.One2many => $"{alias}.id IN (SELECT {c}.\"{comodel.Field(field.InverseName!).Column}\" FROM \"{comodel.Table}\" {c} WHERE {condition})",
            FieldType.Many2many when field.RelationTable is { } rel =>
                $"{alias}.id IN (SELECT r.\"{rel.Column1}\" FROM \"{rel.Table}\" r JOIN \"{comodel.Table}\" {c} ON {c}.id = r.\"{rel.Column2}\" WHERE {condition})",
            _ => throw OdooException.ValueError($"Invalid field '{field.Name}' in a dotted path on model '{model.Name}'"),
        };
    }

    private string X2Many(FieldDef field, string op, JsonNode? value, string alias, SqlParams parameters)
    {
        var comodel = registry[field.Relation!];
        var x = NewAlias();
        var (from, member) = field switch
        {
            { Type: FieldType.One2many } => ($"FROM \"{comodel.Table}\" {x} WHERE {x}.\"{comodel.Field(field.InverseName!).Column}\" = {alias}.id", $"{x}.id"),
            { RelationTable: { } rel } => ($"FROM \"{rel.Table}\" {x} WHERE {x}.\"{rel.Column1}\" = {alias}.id", $"{x}.\"{rel.Column2}\""),
            _ => throw OdooException.ValueError($"Field '{field.Name}' cannot be searched"),
        };

        if (Values.IsFalsy(value) && !Values.IsNumber(value))
        {
            return op is "=" or "in" ? $"NOT EXISTS (SELECT 1 {from})" : $"EXISTS (SELECT 1 {from})";
        }

        var any = $"EXISTS (SELECT 1 {from} AND {member} = ANY({parameters.Add(Values.ToIds(value))}))";
        return op is "!=" or "not in" ? $"NOT {any}" : any;
    }

    private static string Scalar(FieldDef field, string op, JsonNode? value, string alias, SqlParams parameters)
    {
        var sql = field.Sql(alias);
        switch (op)
        {
            case "=" or "!=" or "<>":
                var equal = op == "=";
                if (value is JsonArray)
                {
                    return Scalar(field, equal ? "in" : "not in", value, alias, parameters);
                }

                if (IsNone(value, field))
                {
                    if (field.Type == FieldType.Boolean)
                    {
                        return equal ? $"({sql} IS NULL OR {sql} = FALSE)" : $"({sql} = TRUE)";
                    }

                    return equal ? $"{sql} IS NULL" : $"{sql} IS NOT NULL";
                }

                var p = parameters.Add(Convert(field, value));
                return equal ? $"{sql} = {p}" : $"({sql} <> {p} OR {sql} IS NULL)";
            case "in" or "not in" or "child_of" or "parent_of":
                var items = value is JsonArray array ? array.ToList() : [value];
                var withNull = items.Any(i => IsNone(i, field));
                var concrete = items.Where(i => !IsNone(i, field)).ToList();
                var inside = op != "not in";
                var parts = new List<string>();
                if (concrete.Count > 0)
                {
                    parts.Add($"{sql} = ANY({parameters.Add(ConvertArray(field, concrete))})");
                }

                if (withNull)
                {
                    parts.Add($"{sql} IS NULL");
                }

                if (parts.Count == 0)
                {
                    return inside ? "FALSE" : "TRUE";
                }

                var joined = "(" + string.Join(" OR ", parts) + ")";
                return inside ? joined : withNull ? $"NOT {joined}" : $"(NOT {joined} OR {sql} IS NULL)";
            case "like" or "ilike" or "not like" or "not ilike" or "=like" or "=ilike":
                var text = Values.ToStringOrNull(value) ?? string.Empty;
                var pattern = op.StartsWith('=') ? text : $"%{text}%";
                var sqlOp = op.EndsWith("ilike", StringComparison.Ordinal) ? "ILIKE" : "LIKE";
                var like = $"{sql}::text {sqlOp} {parameters.Add(pattern)}";
                return op.StartsWith("not", StringComparison.Ordinal) ? $"(NOT ({like}) OR {sql} IS NULL)" : like;
            case "<" or ">" or "<=" or ">=":
                return $"{sql} {op} {parameters.Add(Convert(field, value))}";
            default:
                throw OdooException.ValueError($"Invalid operator '{op}' in domain term ('{field.Name}', '{op}', {PythonRepr.Of(value)})");
        }
    }

    // Python's False/None as a value means "not set", except for numbers compared to 0.
    private static bool IsNone(JsonNode? value, FieldDef field) =>
        value is null || (value is JsonValue v && (v.GetValueKind() == JsonValueKind.Null || (v.GetValueKind() == JsonValueKind.False && field.Type != FieldType.Boolean)));

    public static object? Convert(FieldDef field, JsonNode? value)
    {
        if (value is null || (value is JsonValue nullValue && nullValue.GetValueKind() == JsonValueKind.Null))
        {
            return null;
        }

        switch (field.Type)
        {
            case FieldType.Integer or FieldType.Many2one:
                return value is JsonArray pair && pair.Count > 0 ? Values.ToInt(pair[0]) : Values.IsBool(value) ? (value.GetValue<bool>() ? 1 : (object?)null) : Values.ToInt(value);
            case FieldType.Float or FieldType.Monetary:
                return (decimal)Values.ToDouble(value);
            case FieldType.Boolean:
                return Values.IsTruthy(value);
            case FieldType.Date:
                return Values.IsFalsy(value) ? null : ParseDate(Values.ToStringOrNull(value)!, field.Name).Date;
            case FieldType.Datetime:
                return Values.IsFalsy(value) ? null : ParseDate(Values.ToStringOrNull(value)!, field.Name);
            default:
                return Values.IsFalsy(value) && !Values.IsString(value) ? null : Values.ToStringOrNull(value);
        }
    }

    private static object ConvertArray(FieldDef field, List<JsonNode?> values) => field.Type switch
    {
        FieldType.Integer or FieldType.Many2one => values.Select(v => (int)Convert(field, v)!).ToArray(),
        FieldType.Float or FieldType.Monetary => values.Select(v => (decimal)Convert(field, v)!).ToArray(),
        FieldType.Boolean => values.Select(v => (bool)Convert(field, v)!).ToArray(),
        FieldType.Date or FieldType.Datetime => values.Select(v => (DateTime)Convert(field, v)!).ToArray(),
        _ => values.Select(v => Values.ToStringOrNull(v) ?? string.Empty).ToArray(),
    };

    private static DateTime ParseDate(string text, string field)
    {
        string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFK", "yyyy-MM-ddTHH:mm:ssK"];
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified)
            : throw OdooException.ValueError($"time data '{text}' does not match format '%Y-%m-%d %H:%M:%S' (field {field})");
    }

    private string NewAlias() => "_d" + (++_aliasCounter).ToString(CultureInfo.InvariantCulture);
}
