using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// The generic ORM over the simulated tables: search, read, create, write, unlink with x2many commands,
/// each a few real SQL statements, and the model hooks around them.
/// </summary>
internal sealed class OrmService(Registry registry, IReadOnlyDictionary<string, IModelHooks> hooks)
{
    private static readonly IModelHooks NoHooks = new NoModelHooks();

    public Registry Registry => registry;

    public async Task<int[]> SearchAsync(Env env, ModelDef model, JsonArray? domain, int offset = 0, int? limit = null, string? order = null)
    {
        var parameters = new SqlParams();
        var sql = new StringBuilder($"SELECT _t.id FROM \"{model.Table}\" _t WHERE {Where(env, model, domain, "_t", parameters)} ORDER BY {OrderBy(model, order, "_t", env.Runtime)}");
        AppendLimit(sql, offset, limit);
        return await env.Cr.IdsAsync(sql.ToString(), parameters.ToArray()).ConfigureAwait(false);
    }

    public async Task<int> SearchCountAsync(Env env, ModelDef model, JsonArray? domain, int? limit = null)
    {
        var parameters = new SqlParams();
        var inner = new StringBuilder($"SELECT 1 FROM \"{model.Table}\" _t WHERE {Where(env, model, domain, "_t", parameters)}");
        AppendLimit(inner, 0, limit);
        return await env.Cr.IntAsync($"SELECT count(*) FROM ({inner}) _n", parameters.ToArray()).ConfigureAwait(false);
    }

    /// <summary>The WHERE of a search: the domain, and Odoo's implicit <c>active = True</c> unless the domain or context says otherwise.</summary>
    public string Where(Env env, ModelDef model, JsonArray? domain, string alias, SqlParams parameters)
    {
        var where = new DomainCompiler(registry, env.Runtime).Compile(model, domain, alias, parameters);
        if (model.HasActive && !DomainCompiler.MentionsActive(domain) && !(env.Context["active_test"] is JsonValue test && Values.IsFalsy(test)))
        {
            where = $"{where} AND {alias}.\"active\" = TRUE";
        }

        return where;
    }

    public string OrderBy(ModelDef model, string? order, string alias, SimRuntime? runtime = null)
    {
        var terms = new List<string>();
        var hasId = false;
        foreach (var term in (string.IsNullOrWhiteSpace(order) ? model.Order : order).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = parts[0].Trim('"');
            var direction = parts.Length > 1 ? parts[1].ToUpperInvariant() : "ASC";
            if (direction is not ("ASC" or "DESC"))
            {
                throw OdooException.ValueError($"Invalid \"order\" specified ({order}). A valid \"order\" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)");
            }

            var field = runtime is null ? model.Field(name) : runtime.Resolve(model, name);
            if (field is null)
            {
                continue;
            }

            if (!field.IsScalar)
            {
                throw OdooException.ValueError($"Cannot convert {model.Name}.{name} to SQL because it is not stored");
            }

            hasId |= name == "id";
            var nulls = parts.Length > 3 && parts[2].Equals("nulls", StringComparison.OrdinalIgnoreCase) ? $" NULLS {parts[3].ToUpperInvariant()}" : string.Empty;
            terms.Add($"{field.Sql(alias)} {direction}{nulls}");
        }

        if (!hasId)
        {
            terms.Add($"{alias}.id");
        }

        return string.Join(", ", terms);
    }

    /// <summary>
    /// <c>read()</c>: the records among <paramref name="ids"/> that exist, in that order. Many2ones are
    /// <c>[id, display_name]</c> when <paramref name="classic"/> (Odoo's default load), ids otherwise.
    /// </summary>
    public async Task<List<JsonObject>> ReadAsync(Env env, ModelDef model, IReadOnlyList<int> ids, IReadOnlyCollection<string>? fields, bool classic = true)
    {
        // Odoo checks the field names before fetching (_determine_fields_to_fetch), so a bad name fails even without records.
        var names = fields is { Count: > 0 }
            ? fields.Where(f => f != "id").Distinct(StringComparer.Ordinal).ToList()
            : model.Fields.Values.Where(f => f.Name != "id").Select(f => f.Name).ToList();
        var unknown = new List<string>();
        var defs = new List<FieldDef>();
        foreach (var name in names)
        {
            if (env.Runtime.Resolve(model, name) is { } field)
            {
                defs.Add(field);
            }
            else
            {
                unknown.Add(name);
            }
        }
        if (ids.Count == 0)
        {
            return [];
        }

        var scalars = defs.Where(f => f.IsScalar).ToList();

        var select = new StringBuilder("SELECT _t.id");
        foreach (var field in scalars)
        {
            select.Append(", ").Append(field.Sql("_t"));
        }

        select.Append(CultureInfo.InvariantCulture, $" FROM \"{model.Table}\" _t WHERE _t.id = ANY($1)");
        var rows = await env.Cr.QueryAsync(select.ToString(), ids.Distinct().ToArray()).ConfigureAwait(false);
        var byId = rows.ToDictionary(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture));

        var records = new List<JsonObject>();
        foreach (var id in ids)
        {
            if (!byId.TryGetValue(id, out var row))
            {
                continue;
            }

            var record = new JsonObject { ["id"] = id };
            for (var i = 0; i < scalars.Count; i++)
            {
                record[scalars[i].Name] = FieldValues.ToJson(scalars[i], row[i + 1]);
            }

            foreach (var name in unknown)
            {
                record[name] = false;
            }

            records.Add(record);
        }

        if (classic)
        {
            foreach (var field in scalars.Where(f => f.Type == FieldType.Many2one))
            {
                var targets = records.Select(r => r[field.Name]).Where(Values.IsNumber).Select(n => Values.ToInt(n)).Distinct().ToArray();
                var display = await DisplayNamesAsync(env, registry[field.Relation!], targets).ConfigureAwait(false);
                foreach (var record in records)
                {
                    if (Values.IsNumber(record[field.Name]))
                    {
                        var target = Values.ToInt(record[field.Name]);
                        record[field.Name] = new JsonArray(target, display.GetValueOrDefault(target, string.Empty));
                    }
                }
            }
        }

        foreach (var field in defs.Where(f => f.Type.IsRelationalList()))
        {
            var pairs = await X2ManyIdsAsync(env, field, records.Select(r => Values.ToInt(r["id"])).ToArray()).ConfigureAwait(false);
            foreach (var record in records)
            {
                record[field.Name] = Values.IdArray(pairs.TryGetValue(Values.ToInt(record["id"]), out var list) ? list : []);
            }
        }

        return records;
    }

    /// <summary>Ids of an x2many field for each owner, in the comodel's order.</summary>
    public async Task<Dictionary<int, List<int>>> X2ManyIdsAsync(Env env, FieldDef field, int[] owners)
    {
        var comodel = registry[field.Relation!];
        string sql;
        if (field.Type == FieldType.One2many)
        {
            var inverse = comodel.Field(field.InverseName!).Column;
            var filter = field.InverseFilter is null ? string.Empty : " AND " + string.Format(CultureInfo.InvariantCulture, field.InverseFilter, "_c");
            sql = $"SELECT _c.\"{inverse}\", _c.id FROM \"{comodel.Table}\" _c WHERE _c.\"{inverse}\" = ANY($1){filter} ORDER BY {OrderBy(comodel, null, "_c")}";
        }
        else if (field.RelationTable is { } rel)
        {
            sql = $"SELECT _r.\"{rel.Column1}\", _c.id FROM \"{rel.Table}\" _r JOIN \"{comodel.Table}\" _c ON _c.id = _r.\"{rel.Column2}\" WHERE _r.\"{rel.Column1}\" = ANY($1) ORDER BY {OrderBy(comodel, null, "_c")}";
        }
        else
        {
            sql = field.IdsSql!;
        }

        var result = new Dictionary<int, List<int>>();
        foreach (var row in await env.Cr.QueryAsync(sql, owners).ConfigureAwait(false))
        {
            var owner = Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
            if (!result.TryGetValue(owner, out var list))
            {
                result[owner] = list = [];
            }

            list.Add(Convert.ToInt32(row[1], CultureInfo.InvariantCulture));
        }

        return result;
    }

    public async Task<Dictionary<int, string>> DisplayNamesAsync(Env env, ModelDef model, IReadOnlyCollection<int> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await env.Cr.QueryAsync($"SELECT _t.id, {model.Field("display_name").Sql("_t")} FROM \"{model.Table}\" _t WHERE _t.id = ANY($1)", ids.ToArray()).ConfigureAwait(false);
        return rows.ToDictionary(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture), r => Convert.ToString(r[1], CultureInfo.InvariantCulture) ?? string.Empty);
    }

    /// <summary>Raises Odoo's MissingError unless every record exists.</summary>
    public async Task EnsureExistAsync(Env env, ModelDef model, int[] ids)
    {
        if (ids.Length == 0)
        {
            return;
        }

        var found = await env.Cr.IdsAsync($"SELECT id FROM \"{model.Table}\" WHERE id = ANY($1)", ids.Distinct().ToArray()).ConfigureAwait(false);
        if (found.Length != ids.Distinct().Count())
        {
            var missing = ids.Except(found).ToArray();
            throw OdooException.MissingError(
                $"Record does not exist or has been deleted.\n(Record: {model.Name}({string.Join(", ", missing)},), User: {env.Uid})");
        }
    }

    /// <summary>The values a new record would get: context <c>default_*</c> keys, then the model's defaults.</summary>
    public async Task<JsonObject> DefaultsAsync(Env env, ModelDef model, IEnumerable<string>? only = null)
    {
        var wanted = only?.ToHashSet(StringComparer.Ordinal);
        var values = new JsonObject();
        foreach (var (key, value) in env.Context)
        {
            if (key.StartsWith("default_", StringComparison.Ordinal) && model.Fields.ContainsKey(key[8..]) && (wanted is null || wanted.Contains(key[8..])))
            {
                values[key[8..]] = value?.DeepClone();
            }
        }

        var context = env.DefaultContext();
        foreach (var (field, make) in model.Defaults)
        {
            if (!values.ContainsKey(field) && (wanted is null || wanted.Contains(field)))
            {
                values[field] = make(context);
            }
        }

        await HooksOf(model).CompleteDefaultsAsync(env, model, values).ConfigureAwait(false);
        if (wanted is not null)
        {
            foreach (var key in values.Select(kv => kv.Key).Where(k => !wanted.Contains(k)).ToList())
            {
                values.Remove(key);
            }
        }

        return values;
    }

    public async Task<int> CreateAsync(Env env, ModelDef model, JsonObject values)
    {
        if (model.IsView)
        {
            throw OdooException.UserError($"You cannot create records of {model.Description} ({model.Name}).");
        }

        var given = KnownValues(env, model, values);

        // Like Odoo, only the fields the caller did not give get a default.
        var vals = await DefaultsAsync(env, model, model.Fields.Keys.Where(k => !given.ContainsKey(k)).ToList()).ConfigureAwait(false);
        foreach (var (key, value) in given)
        {
            vals[key] = value?.DeepClone();
        }

        await HooksOf(model).BeforeCreateAsync(env, model, vals).ConfigureAwait(false);

        var stored = vals.Where(kv => model.Field(kv.Key) is { IsStored: true } f && f.Name != "id" && !IsMagic(f.Name)).ToList();
        foreach (var required in model.StoredFields.Where(f => f.Required))
        {
            var value = vals[required.Name];
            if (value is null || (Values.IsFalsy(value) && required.Type is not (FieldType.Boolean or FieldType.Integer or FieldType.Float or FieldType.Monetary)))
            {
                throw MandatoryField(model, required);
            }
        }

        var parameters = new SqlParams();
        var columns = new List<string>();
        var placeholders = new List<string>();
        foreach (var (key, value) in stored)
        {
            var field = model.Field(key);
            columns.Add($"\"{field.Column}\"");
            placeholders.Add(parameters.Add(DomainCompiler.Convert(field, value)));
        }

        var now = env.Now;
        foreach (var magic in new[] { "create_uid", "write_uid" })
        {
            columns.Add($"\"{magic}\"");
            placeholders.Add(parameters.Add(env.Uid));
        }

        foreach (var magic in new[] { "create_date", "write_date" })
        {
            columns.Add($"\"{magic}\"");
            placeholders.Add(parameters.Add(now));
        }

        var id = await env.Cr.IntAsync(
            $"INSERT INTO \"{model.Table}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", placeholders)}) RETURNING id",
            parameters.ToArray()).ConfigureAwait(false);

        foreach (var (key, value) in vals.ToList())
        {
            var field = model.Field(key);
            if (field.Type.IsRelationalList())
            {
                await ApplyX2ManyAsync(env, field, id, value).ConfigureAwait(false);
            }
        }

        await HooksOf(model).AfterChangeAsync(env, model, [id], vals.Select(kv => kv.Key).ToList()).ConfigureAwait(false);
        return id;
    }

    public async Task WriteAsync(Env env, ModelDef model, int[] ids, JsonObject values)
    {
        if (ids.Length == 0)
        {
            return;
        }

        if (model.IsView)
        {
            throw OdooException.UserError($"You cannot modify records of {model.Description} ({model.Name}).");
        }

        await EnsureExistAsync(env, model, ids).ConfigureAwait(false);
        var vals = KnownValues(env, model, values);

        await HooksOf(model).BeforeWriteAsync(env, model, ids, vals).ConfigureAwait(false);

        var parameters = new SqlParams();
        var sets = new List<string>();
        foreach (var (key, value) in vals)
        {
            var field = model.Field(key);
            if (!field.IsStored || field.Name == "id" || IsMagic(field.Name))
            {
                continue;
            }

            if (field.Required && (value is null || (Values.IsFalsy(value) && !field.Type.IsNumeric() && field.Type != FieldType.Boolean)))
            {
                throw MandatoryField(model, field);
            }

            sets.Add($"\"{field.Column}\" = {parameters.Add(DomainCompiler.Convert(field, value))}");
        }

        sets.Add($"\"write_uid\" = {parameters.Add(env.Uid)}");
        sets.Add($"\"write_date\" = {parameters.Add(env.Now)}");
        await env.Cr.ExecuteAsync($"UPDATE \"{model.Table}\" SET {string.Join(", ", sets)} WHERE id = ANY({parameters.Add(ids)})", parameters.ToArray()).ConfigureAwait(false);

        foreach (var (key, value) in vals.ToList())
        {
            var field = model.Field(key);
            if (field.Type.IsRelationalList())
            {
                foreach (var id in ids)
                {
                    await ApplyX2ManyAsync(env, field, id, value).ConfigureAwait(false);
                }
            }
        }

        await HooksOf(model).AfterChangeAsync(env, model, ids, vals.Select(kv => kv.Key).ToList()).ConfigureAwait(false);
    }

    public async Task UnlinkAsync(Env env, ModelDef model, int[] ids)
    {
        if (ids.Length == 0)
        {
            return;
        }

        if (model.IsView)
        {
            throw OdooException.UserError($"You cannot delete records of {model.Description} ({model.Name}).");
        }

        await HooksOf(model).BeforeUnlinkAsync(env, model, ids).ConfigureAwait(false);
        await env.Cr.ExecuteAsync($"DELETE FROM \"{model.Table}\" WHERE id = ANY($1)", ids).ConfigureAwait(false);
    }

    /// <summary>Applies Odoo's x2many commands (<c>[0, _, vals]</c> create, 1 update, 2 delete, 3 unlink, 4 link, 5 clear, 6 set) or a plain id list.</summary>
    public async Task ApplyX2ManyAsync(Env env, FieldDef field, int ownerId, JsonNode? commands)
    {
        if (field.IdsSql is not null || commands is not JsonArray list)
        {
            return;
        }

        if (list.Count > 0 && list.All(Values.IsNumber))
        {
            list = [new JsonArray(6, 0, list.DeepClone())];
        }

        var comodel = registry[field.Relation!];
        foreach (var item in list)
        {
            if (item is not JsonArray command || command.Count == 0)
            {
                throw OdooException.ValueError($"Invalid command {item?.ToJsonString() ?? "None"} for field {field.Name}");
            }

            var code = Values.ToInt(command[0], "command");
            var target = command.Count > 1 && Values.IsNumber(command[1]) ? Values.ToInt(command[1]) : 0;
            var vals = command.Count > 2 && command[2] is JsonObject obj ? (JsonObject)obj.DeepClone() : [];
            switch (code)
            {
                case 0:
                    if (field.Type == FieldType.One2many)
                    {
                        vals[field.InverseName!] = ownerId;
                        await CreateAsync(env, comodel, vals).ConfigureAwait(false);
                    }
                    else
                    {
                        await LinkAsync(env, field, ownerId, [await CreateAsync(env, comodel, vals).ConfigureAwait(false)]).ConfigureAwait(false);
                    }

                    break;
                case 1:
                    await WriteAsync(env, comodel, [target], vals).ConfigureAwait(false);
                    break;
                case 2:
                    await UnlinkAsync(env, comodel, [target]).ConfigureAwait(false);
                    break;
                case 3:
                    if (field.Type == FieldType.One2many)
                    {
                        await UnlinkAsync(env, comodel, [target]).ConfigureAwait(false);
                    }
                    else
                    {
                        await UnlinkRelationAsync(env, field, ownerId, [target]).ConfigureAwait(false);
                    }

                    break;
                case 4:
                    await LinkAsync(env, field, ownerId, [target]).ConfigureAwait(false);
                    break;
                case 5:
                    await SetAsync(env, field, ownerId, []).ConfigureAwait(false);
                    break;
                case 6:
                    await SetAsync(env, field, ownerId, Values.ToIds(command.Count > 2 ? command[2] : null)).ConfigureAwait(false);
                    break;
                default:
                    throw OdooException.ValueError($"Unknown command {code} for field {field.Name}");
            }
        }
    }

    private async Task LinkAsync(Env env, FieldDef field, int ownerId, int[] targets)
    {
        if (field.Type == FieldType.One2many)
        {
            await WriteAsync(env, registry[field.Relation!], targets, new JsonObject { [field.InverseName!] = ownerId }).ConfigureAwait(false);
            return;
        }

        var rel = field.RelationTable!.Value;
        await env.Cr.ExecuteAsync(
            $"INSERT INTO \"{rel.Table}\" (\"{rel.Column1}\", \"{rel.Column2}\") SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING",
            ownerId, targets).ConfigureAwait(false);
    }

    private async Task UnlinkRelationAsync(Env env, FieldDef field, int ownerId, int[] targets)
    {
        var rel = field.RelationTable!.Value;
        await env.Cr.ExecuteAsync($"DELETE FROM \"{rel.Table}\" WHERE \"{rel.Column1}\" = $1 AND \"{rel.Column2}\" = ANY($2)", ownerId, targets).ConfigureAwait(false);
    }

    private async Task SetAsync(Env env, FieldDef field, int ownerId, int[] targets)
    {
        if (field.Type == FieldType.One2many)
        {
            var current = (await X2ManyIdsAsync(env, field, [ownerId]).ConfigureAwait(false)).GetValueOrDefault(ownerId) ?? [];
            await UnlinkAsync(env, registry[field.Relation!], current.Except(targets).ToArray()).ConfigureAwait(false);
            var toLink = targets.Except(current).ToArray();
            if (toLink.Length > 0)
            {
                await LinkAsync(env, field, ownerId, toLink).ConfigureAwait(false);
            }

            return;
        }

        var rel = field.RelationTable!.Value;
        await env.Cr.ExecuteAsync($"DELETE FROM \"{rel.Table}\" WHERE \"{rel.Column1}\" = $1", ownerId).ConfigureAwait(false);
        if (targets.Length > 0)
        {
            await LinkAsync(env, field, ownerId, targets).ConfigureAwait(false);
        }
    }

    // The values of known fields; unknown ones are dropped (lenient) or Odoo's ValueError (strict).
    private static JsonObject KnownValues(Env env, ModelDef model, JsonObject values)
    {
        var known = new JsonObject();
        foreach (var (key, value) in values)
        {
            if (env.Runtime.Resolve(model, key) is { } field)
            {
                CheckSelection(model, field, value);
                known[key] = value?.DeepClone();
            }
        }

        return known;
    }

    // fields.Selection.convert_to_cache: "Wrong value for %s: %r" (self is model.field), for selections a version changed.
    private static void CheckSelection(ModelDef model, FieldDef field, JsonNode? value)
    {
        if (field.ChecksSelection && Values.IsString(value) && field.Selection!.All(s => s.Value != value!.GetValue<string>()))
        {
            throw OdooException.ValueError($"Wrong value for {model.Name}.{field.Name}: {PythonRepr.Of(value)}");
        }
    }

    private IModelHooks HooksOf(ModelDef model) => hooks.GetValueOrDefault(model.Name, NoHooks);

    private static bool IsMagic(string name) => name is "create_uid" or "create_date" or "write_uid" or "write_date";

    private static void AppendLimit(StringBuilder sql, int offset, int? limit)
    {
        if (limit is > 0)
        {
            sql.Append(CultureInfo.InvariantCulture, $" LIMIT {limit.Value}");
        }

        if (offset > 0)
        {
            sql.Append(CultureInfo.InvariantCulture, $" OFFSET {offset}");
        }
    }

    // What Odoo's _as_validation_error says for a NOT NULL violation.
    public static OdooException MandatoryField(ModelDef model, FieldDef field) => OdooException.ValidationError(
        "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n" +
        $"Model: {model.Description} ({model.Name})\nField: {field.Label} ({field.Name})\n");

    private sealed class NoModelHooks : IModelHooks;
}
