using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// Odoo 17's <c>read_group</c> (and <c>web_read_group</c>'s <c>{groups, length}</c>): one GROUP BY query,
/// groups with <c>__domain</c>, <c>__count</c> (or <c>field_count</c> when lazy), aggregates, many2one groups as
/// <c>[id, name]</c>, date groups labelled per granularity with their <c>__range</c>.
/// </summary>
internal sealed partial class ReadGroupService(OrmService orm)
{
    private static readonly string[] Granularities = ["day", "week", "month", "quarter", "year"];

    public async Task<JsonArray> ReadGroupAsync(Env env, ModelDef model, JsonArray? domain, IReadOnlyList<string> fields, IReadOnlyList<string> groupby,
        int offset, int? limit, string? orderby, bool lazy)
    {
        var groups = (lazy ? groupby.Take(1) : groupby).Select(g => Grouping.Parse(model, g)).ToList();
        var aggregates = Aggregates(env.Runtime, model, fields, groupby, lazy && groups.Count == 1 ? $"{groups[0].Field.Name}_count" : "__count");

        var (rows, names) = await QueryAsync(env, model, domain, groups, aggregates, offset, limit, orderby).ConfigureAwait(false);

        var result = new JsonArray();
        foreach (var row in rows)
        {
            var entry = new JsonObject();
            var groupDomain = new JsonArray();
            JsonObject? range = null;
            for (var i = 0; i < groups.Count; i++)
            {
                var group = groups[i];
                var raw = row[i];
                entry[group.Key] = group.Value(raw, names.GetValueOrDefault(group.Field));
                foreach (var term in group.Domain(raw))
                {
                    groupDomain.Add(term);
                }

                if (group.IsTemporal)
                {
                    range ??= [];
                    range[group.Key] = group.Range(raw);
                }
            }

            for (var i = 0; i < aggregates.Count; i++)
            {
                var value = row[groups.Count + i];
                entry[aggregates[i].Name] = aggregates[i].IsCount
                    ? JsonValue.Create(Convert.ToInt32(value ?? 0, CultureInfo.InvariantCulture))
                    : value is null ? JsonValue.Create(false) : Values.Number(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            }

            entry["__domain"] = DomainAlgebra.And(domain, groupDomain);
            if (range is not null)
            {
                entry["__range"] = range;
            }

            if (lazy && groupby.Count > 1)
            {
                entry["__context"] = new JsonObject { ["group_by"] = new JsonArray(groupby.Skip(1).Select(g => (JsonNode?)JsonValue.Create(g)).ToArray()) };
            }

            result.Add(entry);
        }

        return result;
    }

    /// <summary>
    /// Odoo 19's <c>formatted_read_group(domain, groupby, aggregates, having, offset, limit, order)</c> (addons/web/models/models.py,
    /// <c>_web_read_group_format</c>): one dict per group with each groupby spec's value (many2one as <c>[id, display_name]</c>, dates
    /// keyed <c>date:month</c> as <c>[range start, label]</c>), each aggregate keyed as asked (<c>amount_residual:sum</c>, <c>__count</c>)
    /// and <c>__extra_domain</c>, the group's own part of the domain. <c>having</c> is not simulated.
    /// </summary>
    public async Task<JsonArray> FormattedReadGroupAsync(Env env, ModelDef model, JsonArray? domain, IReadOnlyList<string> groupby, IReadOnlyList<string> aggregateSpecs,
        int offset, int? limit, string? order)
    {
        var groups = groupby.Select(g => Grouping.Parse(model, g)).ToList();
        var aggregates = new List<Aggregate>();
        foreach (var spec in aggregateSpecs)
        {
            if (spec == "__count")
            {
                aggregates.Add(new Aggregate("__count", "count(*)", IsCount: true));
                continue;
            }

            // models.py _read_group_select: "Invalid aggregate specification" / "Invalid field ... for ...".
            var parts = spec.Split(':');
            if (parts.Length != 2)
            {
                throw OdooException.ValueError($"Invalid aggregate specification {PythonRepr.Of(spec)}");
            }

            if (!model.Fields.TryGetValue(parts[0], out var field) || !field.IsScalar)
            {
                throw OdooException.ValueError($"Invalid field {PythonRepr.Of(parts[0])} on model {PythonRepr.Of(model.Name)} for {PythonRepr.Of(spec)}.");
            }

            var sql = parts[1] switch
            {
                "sum" or "avg" or "min" or "max" or "count" or "bool_and" or "bool_or" => $"{parts[1]}({field.Sql("_t")})",
                "count_distinct" => $"count(DISTINCT {field.Sql("_t")})",
                _ => throw OdooException.ValueError($"Invalid aggregation function {PythonRepr.Of(parts[1])}."),
            };
            aggregates.Add(new Aggregate(spec, sql, IsCount: parts[1].StartsWith("count", StringComparison.Ordinal)));
        }

        var (rows, names) = await QueryAsync(env, model, domain, groups, aggregates, offset, limit, order).ConfigureAwait(false);
        var result = new JsonArray();
        foreach (var row in rows)
        {
            var entry = new JsonObject();
            var extra = new List<JsonArray>();
            for (var i = 0; i < groups.Count; i++)
            {
                var group = groups[i];
                var value = group.Value(row[i], names.GetValueOrDefault(group.Field));
                entry[group.Key] = group.IsTemporal && row[i] is not null ? new JsonArray(group.Range(row[i])["from"]!.DeepClone(), value) : value;
                extra.Add(DomainAlgebra.Normalize(new JsonArray(group.Domain(row[i]).Select(t => (JsonNode?)t).ToArray())));
            }

            entry["__extra_domain"] = DomainAlgebra.And(extra.ToArray());
            for (var i = 0; i < aggregates.Count; i++)
            {
                var value = row[groups.Count + i];
                entry[aggregates[i].Name] = aggregates[i].IsCount
                    ? JsonValue.Create(Convert.ToInt32(value ?? 0, CultureInfo.InvariantCulture))
                    : value is null ? JsonValue.Create(false) : Values.Number(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            }

            result.Add(entry);
        }

        return result;
    }

    private async Task<(List<object?[]> Rows, Dictionary<FieldDef, Dictionary<int, string>> Names)> QueryAsync(Env env, ModelDef model, JsonArray? domain,
        List<Grouping> groups, List<Aggregate> aggregates, int offset, int? limit, string? orderby)
    {
        var parameters = new SqlParams();
        var where = orm.Where(env, model, domain, "_t", parameters);
        var select = new List<string>();
        select.AddRange(groups.Select(g => g.Sql("_t")));
        select.AddRange(aggregates.Select(a => a.Sql));
        var sql = new StringBuilder($"SELECT {string.Join(", ", select)} FROM \"{model.Table}\" _t WHERE {where}");
        if (groups.Count > 0)
        {
            sql.Append(CultureInfo.InvariantCulture, $" GROUP BY {string.Join(", ", groups.Select(g => g.Sql("_t")))}");
            sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {Order(groups, aggregates, orderby)}");
        }

        if (limit is > 0)
        {
            sql.Append(CultureInfo.InvariantCulture, $" LIMIT {limit.Value}");
        }

        if (offset > 0)
        {
            sql.Append(CultureInfo.InvariantCulture, $" OFFSET {offset}");
        }

        var rows = await env.Cr.QueryAsync(sql.ToString(), parameters.ToArray()).ConfigureAwait(false);

        var names = new Dictionary<FieldDef, Dictionary<int, string>>();
        foreach (var group in groups.Select((g, i) => (g, i)).Where(x => x.g.Field.Type == FieldType.Many2one))
        {
            var ids = rows.Select(r => r[group.i]).Where(v => v is not null).Select(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)).Distinct().ToArray();
            names[group.g.Field] = await orm.DisplayNamesAsync(env, orm.Registry[group.g.Field.Relation!], ids).ConfigureAwait(false);
        }

        return (rows, names);
    }

    /// <summary>Number of groups the query would give without limit (web_read_group's <c>length</c>).</summary>
    public async Task<int> CountGroupsAsync(Env env, ModelDef model, JsonArray? domain, IReadOnlyList<string> groupby, bool lazy)
    {
        var groups = (lazy ? groupby.Take(1) : groupby).Select(g => Grouping.Parse(model, g)).ToList();
        var parameters = new SqlParams();
        var where = orm.Where(env, model, domain, "_t", parameters);
        var sql = groups.Count == 0
            ? $"SELECT 1"
            : $"SELECT count(*) FROM (SELECT 1 FROM \"{model.Table}\" _t WHERE {where} GROUP BY {string.Join(", ", groups.Select(g => g.Sql("_t")))}) _g";
        return await env.Cr.IntAsync(sql, parameters.ToArray()).ConfigureAwait(false);
    }

    private static List<Aggregate> Aggregates(SimRuntime runtime, ModelDef model, IReadOnlyList<string> fields, IReadOnlyList<string> groupby, string countName)
    {
        var result = new List<Aggregate> { new(countName, "count(*)", IsCount: true) };
        foreach (var spec in fields)
        {
            if (spec == "__count")
            {
                continue;
            }

            var match = FieldAggregate().Match(spec);
            if (!match.Success)
            {
                throw OdooException.ValueError($"Invalid field specification '{spec}'.");
            }

            var name = match.Groups[1].Value;
            var function = match.Groups[2].Success ? match.Groups[2].Value : null;
            var fieldName = match.Groups[3].Success ? match.Groups[3].Value : name;
            if (runtime.Resolve(model, fieldName) is not { } field)
            {
                continue;
            }

            if (function is null)
            {
                // A plain field is aggregated with its group operator, unless it is grouped on or not numeric.
                if (field.GroupOperator is null || !field.IsScalar || groupby.Any(g => g.Split(':')[0] == name))
                {
                    continue;
                }

                function = field.GroupOperator;
            }

            if (!field.IsScalar)
            {
                throw OdooException.ValueError($"Cannot aggregate {model.Name}.{fieldName}: it is not stored");
            }

            var sqlFunction = function switch
            {
                "sum" or "avg" or "min" or "max" or "count" or "bool_and" or "bool_or" => function,
                "count_distinct" => "count_distinct",
                _ => throw OdooException.ValueError($"Invalid aggregation function '{function}'."),
            };
            var expression = sqlFunction == "count_distinct" ? $"count(DISTINCT {field.Sql("_t")})" : $"{sqlFunction}({field.Sql("_t")})";
            result.Add(new Aggregate(name, expression, IsCount: sqlFunction.StartsWith("count", StringComparison.Ordinal)));
        }

        return result;
    }

    private static string Order(List<Grouping> groups, List<Aggregate> aggregates, string? orderby)
    {
        if (string.IsNullOrWhiteSpace(orderby))
        {
            return string.Join(", ", groups.Select(g => g.Sql("_t")));
        }

        var terms = new List<string>();
        foreach (var term in orderby.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var direction = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase) ? "DESC" : "ASC";
            var group = groups.FirstOrDefault(g => g.Key == parts[0] || g.Field.Name == parts[0]);
            var aggregate = aggregates.FirstOrDefault(a => a.Name == parts[0]);
            if (group is not null)
            {
                terms.Add($"{group.Sql("_t")} {direction}");
            }
            else if (aggregate is not null)
            {
                terms.Add($"{aggregate.Sql} {direction}");
            }
            else
            {
                throw OdooException.ValueError($"Order a read_group by a groupby or an aggregate, not '{parts[0]}'");
            }
        }

        return string.Join(", ", terms);
    }

    [GeneratedRegex(@"^(\w+)(?::(\w+)(?:\((\w+)\))?)?$")]
    private static partial Regex FieldAggregate();

    private sealed record Aggregate(string Name, string Sql, bool IsCount);

    private sealed record Grouping(string Key, FieldDef Field, string? Granularity)
    {
        public bool IsTemporal => Granularity is not null;

        public static Grouping Parse(ModelDef model, string spec)
        {
            var parts = spec.Split(':', 2);
            var field = model.Field(parts[0]);
            if (!field.IsScalar)
            {
                throw OdooException.ValueError($"Field {model.Name}.{parts[0]} cannot be grouped: it is not stored");
            }

            if (field.Type is FieldType.Date or FieldType.Datetime)
            {
                var granularity = parts.Length > 1 ? parts[1] : "month";
                if (!Granularities.Contains(granularity))
                {
                    throw OdooException.ValueError($"Invalid granularity '{granularity}' for field '{parts[0]}'");
                }

                return new Grouping(spec, field, granularity);
            }

            return new Grouping(parts[0], field, null);
        }

        public string Sql(string alias) => Granularity is null ? Field.Sql(alias) : $"date_trunc('{Granularity}', {Field.Sql(alias)})";

        public JsonNode? Value(object? raw, Dictionary<int, string>? names)
        {
            if (raw is null)
            {
                return false;
            }

            if (Field.Type == FieldType.Many2one)
            {
                var id = Convert.ToInt32(raw, CultureInfo.InvariantCulture);
                return new JsonArray(id, names?.GetValueOrDefault(id) ?? string.Empty);
            }

            return Granularity is null ? FieldValues.ToJson(Field, raw) : Label((DateTime)raw);
        }

        public IEnumerable<JsonNode> Domain(object? raw)
        {
            if (raw is null)
            {
                yield return new JsonArray(Field.Name, "=", false);
                yield break;
            }

            if (Granularity is null)
            {
                var value = Field.Type == FieldType.Many2one ? JsonValue.Create(Convert.ToInt32(raw, CultureInfo.InvariantCulture)) : FieldValues.ToJson(Field, raw);
                yield return new JsonArray(Field.Name, "=", value);
                yield break;
            }

            var (from, to) = Bounds((DateTime)raw);
            yield return new JsonArray(Field.Name, ">=", Format(from));
            yield return new JsonArray(Field.Name, "<", Format(to));
        }

        public JsonNode Range(object? raw)
        {
            if (raw is null)
            {
                return new JsonObject();
            }

            var (from, to) = Bounds((DateTime)raw);
            return new JsonObject { ["from"] = Format(from), ["to"] = Format(to) };
        }

        private (DateTime From, DateTime To) Bounds(DateTime start) => (start, Granularity switch
        {
            "day" => start.AddDays(1),
            "week" => start.AddDays(7),
            "month" => start.AddMonths(1),
            "quarter" => start.AddMonths(3),
            _ => start.AddYears(1),
        });

        private string Format(DateTime value) => value.ToString(Field.Type == FieldType.Date ? Values.DateFormat : Values.DatetimeFormat, CultureInfo.InvariantCulture);

        // babel's formats for en_US: 'dd MMM yyyy', "'W'w YYYY", 'MMMM yyyy', 'QQQ yyyy', 'yyyy'.
        private string Label(DateTime start) => Granularity switch
        {
            "day" => start.ToString("dd MMM yyyy", CultureInfo.InvariantCulture),
            "week" => $"W{ISOWeek.GetWeekOfYear(start)} {ISOWeek.GetYear(start)}",
            "month" => start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            "quarter" => $"Q{((start.Month - 1) / 3) + 1} {start.Year}",
            _ => start.Year.ToString(CultureInfo.InvariantCulture),
        };
    }
}
