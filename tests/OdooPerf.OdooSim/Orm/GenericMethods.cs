using System.Text;
using System.Text.Json.Nodes;
using OdooPerf.OdooSim.Business;

namespace OdooPerf.OdooSim.Orm;

/// <summary>
/// The methods of Odoo's base model, as the web client and external clients call them: search, read,
/// write, create, unlink, the web_* family (by specification from 17), name_search, read_group,
/// fields_get, default_get, onchange, get_views.
/// </summary>
internal sealed class GenericMethods(OrmService orm, ReadGroupService groups)
{
    public void Register(MethodTable table)
    {
        table.Generic("search", MethodKind.Model, SearchAsync);
        table.Generic("search_read", MethodKind.Model, SearchReadAsync);
        table.Generic("search_count", MethodKind.Model, SearchCountAsync);
        table.Generic("read", MethodKind.Multi, ReadAsync);
        table.Generic("write", MethodKind.Multi, WriteAsync);
        table.Generic("create", MethodKind.Create, CreateAsync);
        table.Generic("unlink", MethodKind.Multi, UnlinkAsync);
        table.Generic("exists", MethodKind.Multi, ExistsAsync);
        table.Generic("name_search", MethodKind.Model, NameSearchAsync);
        table.Generic("web_name_search", MethodKind.Model, WebNameSearchAsync, minMajor: 19);
        table.Generic("name_create", MethodKind.Model, NameCreateAsync);
        table.Generic("name_get", MethodKind.Multi, NameGetAsync, maxMajor: 16);
        table.Generic("read_group", MethodKind.Model, ReadGroupAsync);
        table.Generic("web_read_group", MethodKind.Model, WebReadGroupAsync, maxMajor: 18);
        table.Generic("web_read_group", MethodKind.Model, WebReadGroup19Async, minMajor: 19);
        table.Generic("formatted_read_group", MethodKind.Model, FormattedReadGroupAsync, minMajor: 19);
        table.Generic("formatted_read_grouping_sets", MethodKind.Model, FormattedReadGroupingSetsAsync, minMajor: 19);
        table.Generic("web_search_read", MethodKind.Model, WebSearchReadFieldsAsync, maxMajor: 16);
        table.Generic("web_search_read", MethodKind.Model, WebSearchReadAsync, minMajor: 17);
        table.Generic("web_read", MethodKind.Multi, WebReadMethodAsync, minMajor: 17);
        table.Generic("web_save", MethodKind.Multi, WebSaveAsync, minMajor: 17);
        table.Generic("fields_get", MethodKind.Model, FieldsGetAsync);
        table.Generic("default_get", MethodKind.Model, DefaultGetAsync);
        table.Generic("onchange", MethodKind.Multi, OnchangeAsync);
        table.Generic("get_views", MethodKind.Model, GetViewsAsync);
        table.Generic("action_archive", MethodKind.Multi, c => SetActiveAsync(c, false));
        table.Generic("action_unarchive", MethodKind.Multi, c => SetActiveAsync(c, true));
        table.Generic("check_access_rights", MethodKind.Model, _ => Task.FromResult<JsonNode?>(true), maxMajor: 17);
        table.Generic("has_access", MethodKind.Multi, _ => Task.FromResult<JsonNode?>(true), minMajor: 18);
    }

    private async Task<JsonNode?> SearchAsync(MethodCall c)
    {
        var a = c.Args.Bind("domain!", "offset", "limit", "order", "count");
        var domain = a.Domain("domain");
        if (a.Bool("count", false))
        {
            return await orm.SearchCountAsync(c.Env, c.Model, domain).ConfigureAwait(false);
        }

        return Values.IdArray(await orm.SearchAsync(c.Env, c.Model, domain, a.Int("offset", 0), a.IntOrNull("limit"), a.String("order")).ConfigureAwait(false));
    }

    private async Task<JsonNode?> SearchReadAsync(MethodCall c)
    {
        var a = c.Args.Bind("domain", "fields", "offset", "limit", "order", "load");
        var ids = await orm.SearchAsync(c.Env, c.Model, a.Domain("domain"), a.Int("offset", 0), a.IntOrNull("limit"), a.String("order")).ConfigureAwait(false);
        return ToArray(await orm.ReadAsync(c.Env, c.Model, ids, a.Names("fields"), a.String("load") != null || !a.Has("load")).ConfigureAwait(false));
    }

    private async Task<JsonNode?> SearchCountAsync(MethodCall c)
    {
        var a = c.Args.Bind("domain!", "limit");
        return await orm.SearchCountAsync(c.Env, c.Model, a.Domain("domain"), a.IntOrNull("limit")).ConfigureAwait(false);
    }

    private async Task<JsonNode?> ReadAsync(MethodCall c)
    {
        var a = c.Args.Bind("fields", "load");
        return ToArray(await orm.ReadAsync(c.Env, c.Model, c.Ids, a.Names("fields"), a.String("load") != null || !a.Has("load")).ConfigureAwait(false));
    }

    private async Task<JsonNode?> WriteAsync(MethodCall c)
    {
        var a = c.Args.Bind("vals!");
        await orm.WriteAsync(c.Env, c.Model, c.Ids, a.Object("vals")).ConfigureAwait(false);
        return true;
    }

    private async Task<JsonNode?> CreateAsync(MethodCall c)
    {
        var a = c.Args.Bind("vals_list!");
        switch (a["vals_list"])
        {
            case JsonObject single:
                return await orm.CreateAsync(c.Env, c.Model, single).ConfigureAwait(false);
            case JsonArray list:
                var ids = new List<int>();
                foreach (var vals in list)
                {
                    ids.Add(await orm.CreateAsync(c.Env, c.Model, vals as JsonObject ?? throw OdooException.TypeError("create() takes a dict or a list of dicts")).ConfigureAwait(false));
                }

                return Values.IdArray(ids);
            default:
                throw OdooException.TypeError("create() takes a dict or a list of dicts");
        }
    }

    private async Task<JsonNode?> UnlinkAsync(MethodCall c)
    {
        c.Args.Bind();
        await orm.UnlinkAsync(c.Env, c.Model, c.Ids).ConfigureAwait(false);
        return true;
    }

    private async Task<JsonNode?> ExistsAsync(MethodCall c)
    {
        c.Args.Bind();
        return Values.IdArray(await c.Env.Cr.IdsAsync($"SELECT id FROM \"{c.Model.Table}\" WHERE id = ANY($1) ORDER BY id", c.Ids).ConfigureAwait(false));
    }

    private async Task<JsonNode?> NameSearchAsync(MethodCall c)
    {
        // name_search(name='', args=None, operator='ilike', limit=100) up to 18 (odoo/models.py); 19 renamed args to domain (odoo/orm/models.py).
        var domainName = c.Env.Runtime.Version.Major >= 19 ? "domain" : "args";
        var a = c.Args.Bind("name", domainName, "operator", "limit");
        var domain = a.Domain(domainName) ?? [];
        var name = a.String("name") ?? string.Empty;
        var combined = (JsonArray)domain.DeepClone();
        if (name.Length > 0)
        {
            combined.Add(new JsonArray(c.Model.RecName == "id" ? "display_name" : c.Model.RecName, a.String("operator") ?? "ilike", name));
        }

        var ids = await orm.SearchAsync(c.Env, c.Model, combined, 0, a.Int("limit", 100)).ConfigureAwait(false);
        var names = await orm.DisplayNamesAsync(c.Env, c.Model, ids).ConfigureAwait(false);
        return new JsonArray(ids.Select(id => (JsonNode?)new JsonArray(id, names.GetValueOrDefault(id, string.Empty))).ToArray());
    }

    // 19: web_name_search(name, specification, domain=None, operator='ilike', limit=100), what many2one autocompletion calls
    // (addons/web/models/models.py; addons/web/static/src/views/fields/relational_utils.js).
    private async Task<JsonNode?> WebNameSearchAsync(MethodCall c)
    {
        var a = c.Args.Bind("name!", "specification!", "domain", "operator", "limit");
        var combined = (JsonArray)(a.Domain("domain") ?? []).DeepClone();
        var name = a.String("name") ?? string.Empty;
        if (name.Length > 0)
        {
            combined.Add(new JsonArray(c.Model.RecName == "id" ? "display_name" : c.Model.RecName, a.String("operator") ?? "ilike", name));
        }

        var ids = await orm.SearchAsync(c.Env, c.Model, combined, 0, a.Int("limit", 100)).ConfigureAwait(false);
        var specification = a.Object("specification");
        if (specification.Count == 1 && specification.ContainsKey("display_name"))
        {
            var names = await orm.DisplayNamesAsync(c.Env, c.Model, ids).ConfigureAwait(false);
            return new JsonArray(ids.Select(id => (JsonNode?)new JsonObject
            {
                ["id"] = id,
                ["display_name"] = names.GetValueOrDefault(id, string.Empty),
                ["__formatted_display_name"] = names.GetValueOrDefault(id, string.Empty),
            }).ToArray());
        }

        return ToArray(await WebReadAsync(c.Env, c.Model, ids, specification).ConfigureAwait(false));
    }

    private async Task<JsonNode?> NameCreateAsync(MethodCall c)
    {
        var a = c.Args.Bind("name!");
        var id = await orm.CreateAsync(c.Env, c.Model, new JsonObject { [c.Model.RecName] = a.String("name") }).ConfigureAwait(false);
        var names = await orm.DisplayNamesAsync(c.Env, c.Model, [id]).ConfigureAwait(false);
        return new JsonArray(id, names.GetValueOrDefault(id, string.Empty));
    }

    private async Task<JsonNode?> NameGetAsync(MethodCall c)
    {
        c.Args.Bind();
        var names = await orm.DisplayNamesAsync(c.Env, c.Model, c.Ids).ConfigureAwait(false);
        return new JsonArray(c.Ids.Where(names.ContainsKey).Select(id => (JsonNode?)new JsonArray(id, names[id])).ToArray());
    }

    private async Task<JsonNode?> ReadGroupAsync(MethodCall c)
    {
        var a = c.Args.Bind("domain!", "fields!", "groupby!", "offset", "limit", "orderby", "lazy");
        if (c.Env.Runtime.Version.Major >= 19)
        {
            c.Env.Runtime.ReadGroupDeprecated();
        }

        return await groups.ReadGroupAsync(c.Env, c.Model, a.Domain("domain"), a.Names("fields") ?? [], a.Names("groupby") ?? [],
            a.Int("offset", 0), a.IntOrNull("limit"), a.String("orderby"), a.Bool("lazy", true)).ConfigureAwait(false);
    }

    private async Task<JsonNode?> WebReadGroupAsync(MethodCall c)
    {
        var a = c.Args.Bind("domain!", "fields!", "groupby!", "limit", "offset", "orderby", "lazy", "expand", "expand_limit", "expand_orderby");
        var groupby = a.Names("groupby") ?? [];
        var limit = a.IntOrNull("limit");
        var offset = a.Int("offset", 0);
        var lazy = a.Bool("lazy", true);
        var result = await groups.ReadGroupAsync(c.Env, c.Model, a.Domain("domain"), a.Names("fields") ?? [], groupby, offset, limit, a.String("orderby"), lazy).ConfigureAwait(false);
        var length = result.Count == 0
            ? 0
            : limit is not null && result.Count == limit
                ? await groups.CountGroupsAsync(c.Env, c.Model, a.Domain("domain"), groupby, lazy).ConfigureAwait(false)
                : result.Count + offset;
        return new JsonObject { ["groups"] = result, ["length"] = length };
    }

    // 19: formatted_read_group(domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None); the order defaults to the groupby.
    private async Task<JsonNode?> FormattedReadGroupAsync(MethodCall c)
    {
        var a = c.Args.Bind("domain!", "groupby", "aggregates", "having", "offset", "limit", "order");
        var groupby = a.Names("groupby") ?? [];
        var order = a.String("order");
        return await groups.FormattedReadGroupAsync(c.Env, c.Model, a.Domain("domain"), groupby, a.Names("aggregates") ?? [], a.Int("offset", 0), a.IntOrNull("limit"),
            string.IsNullOrWhiteSpace(order) ? string.Join(", ", groupby) : order).ConfigureAwait(false);
    }

    // 19: formatted_read_grouping_sets(domain, grouping_sets, aggregates=(), *, order=None), what the pivot view calls: one
    // formatted_read_group result per grouping set (Odoo reads them in one SQL query with GROUPING SETS; the simulator
    // groups once per set). The order defaults to every set's groupby specs, each once.
    private async Task<JsonNode?> FormattedReadGroupingSetsAsync(MethodCall c)
    {
        var a = c.Args.Bind("domain!", "grouping_sets!", "aggregates", "order");
        var sets = a["grouping_sets"] as JsonArray ?? throw OdooException.TypeError("grouping_sets must be a list of lists");
        var aggregates = a.Names("aggregates") ?? [];
        var order = a.String("order");
        var groupbys = sets.Select(set => (set as JsonArray ?? throw OdooException.TypeError("grouping_sets must be a list of lists"))
            .Select(spec => spec!.GetValue<string>()).ToList()).ToList();
        var defaultOrder = string.Join(", ", groupbys.SelectMany(g => g).Distinct(StringComparer.Ordinal));
        var result = new JsonArray();
        foreach (var groupby in groupbys)
        {
            var setOrder = string.IsNullOrWhiteSpace(order) ? string.Join(", ", defaultOrder.Split(", ", StringSplitOptions.RemoveEmptyEntries).Where(groupby.Contains)) : order;
            result.Add(await groups.FormattedReadGroupAsync(c.Env, c.Model, a.Domain("domain"), groupby, [.. aggregates], 0, null, setOrder).ConfigureAwait(false));
        }

        return result;
    }

    // 19: web_read_group(domain, groupby, aggregates=(), limit=None, offset=0, order=None, *, auto_unfold=False, opening_info=None,
    // unfold_read_specification=None, unfold_read_default_limit=80, groupby_read_specification=None) -> {groups, length}: the first
    // level through formatted_read_group (with __count), length as _formatted_read_group_with_length. With auto_unfold and a single
    // groupby, the first ten groups carry their records (__records, web_read of unfold_read_specification); deeper levels
    // (__groups) and opening_info are not simulated.
    private async Task<JsonNode?> WebReadGroup19Async(MethodCall c)
    {
        var a = c.Args.Bind("domain!", "groupby!", "aggregates", "limit", "offset", "order", "auto_unfold", "opening_info", "unfold_read_specification",
            "unfold_read_default_limit", "groupby_read_specification");
        var groupby = a.Names("groupby") ?? [];
        if (groupby.Count == 0)
        {
            throw OdooException.AssertionError();
        }

        var aggregates = a.Names("aggregates") ?? [];
        if (!aggregates.Contains("__count"))
        {
            aggregates.Add("__count");
        }

        var domain = a.Domain("domain");
        var limit = a.IntOrNull("limit");
        var offset = a.Int("offset", 0);
        var order = a.String("order");
        var first = groupby.Take(1).ToList();
        var result = await groups.FormattedReadGroupAsync(c.Env, c.Model, domain, first, aggregates, offset, limit,
            string.IsNullOrWhiteSpace(order) ? first[0] : order).ConfigureAwait(false);
        var length = result.Count == 0
            ? 0
            : limit is > 0 && result.Count == limit
                ? limit.Value + (await groups.FormattedReadGroupAsync(c.Env, c.Model, domain, first, [], limit.Value, null, first[0]).ConfigureAwait(false)).Count
                : result.Count + offset;

        if (a.Bool("auto_unfold", false) && groupby.Count == 1)
        {
            var spec = a.Object("unfold_read_specification");
            var recordLimit = a.Int("unfold_read_default_limit", 80);
            foreach (var group in result.OfType<JsonObject>().Take(10))
            {
                var ids = Values.ToInt(group["__count"]) == 0
                    ? []
                    : await orm.SearchAsync(c.Env, c.Model, DomainAlgebra.And(domain, group["__extra_domain"] as JsonArray), 0, recordLimit).ConfigureAwait(false);
                group["__records"] = ToArray(await WebReadAsync(c.Env, c.Model, ids, spec).ConfigureAwait(false));
            }
        }

        return new JsonObject { ["groups"] = result, ["length"] = length };
    }

    // Odoo 16: web_search_read(domain, fields, offset, limit, order, count_limit) reads like search_read.
    private async Task<JsonNode?> WebSearchReadFieldsAsync(MethodCall c)
    {
        var a = c.Args.Bind("domain", "fields", "offset", "limit", "order", "count_limit");
        var domain = a.Domain("domain");
        var offset = a.Int("offset", 0);
        var limit = a.IntOrNull("limit");
        var ids = await orm.SearchAsync(c.Env, c.Model, domain, offset, limit, a.String("order")).ConfigureAwait(false);
        var records = ToArray(await orm.ReadAsync(c.Env, c.Model, ids, a.Names("fields")).ConfigureAwait(false));
        return await FormatWebSearchReadAsync(c, domain, records, offset, limit, a.IntOrNull("count_limit")).ConfigureAwait(false);
    }

    // Odoo 17+: web_search_read(domain, specification, offset, limit, order, count_limit).
    private async Task<JsonNode?> WebSearchReadAsync(MethodCall c)
    {
        var a = c.Args.Bind("domain!", "specification!", "offset", "limit", "order", "count_limit");
        var domain = a.Domain("domain");
        var offset = a.Int("offset", 0);
        var limit = a.IntOrNull("limit");
        var ids = await orm.SearchAsync(c.Env, c.Model, domain, offset, limit, a.String("order")).ConfigureAwait(false);
        var records = ToArray(await WebReadAsync(c.Env, c.Model, ids, a.Object("specification")).ConfigureAwait(false));
        return await FormatWebSearchReadAsync(c, domain, records, offset, limit, a.IntOrNull("count_limit")).ConfigureAwait(false);
    }

    // models.py _format_web_search_read_results: count only when the page is full.
    private async Task<JsonNode> FormatWebSearchReadAsync(MethodCall c, JsonArray? domain, JsonArray records, int offset, int? limit, int? countLimit)
    {
        if (records.Count == 0)
        {
            return new JsonObject { ["length"] = 0, ["records"] = new JsonArray() };
        }

        var current = records.Count + offset;
        var limitReached = records.Count == limit;
        var countLimitReached = countLimit is not null && countLimit <= current;
        var length = limit is not null && ((limitReached && !countLimitReached) || c.Env.ContextFlag("force_search_count"))
            ? await orm.SearchCountAsync(c.Env, c.Model, domain, countLimit).ConfigureAwait(false)
            : current;
        return new JsonObject { ["length"] = length, ["records"] = records };
    }

    private async Task<JsonNode?> WebReadMethodAsync(MethodCall c)
    {
        var a = c.Args.Bind("specification!");
        return ToArray(await WebReadAsync(c.Env, c.Model, c.Ids, a.Object("specification")).ConfigureAwait(false));
    }

    private async Task<JsonNode?> WebSaveAsync(MethodCall c)
    {
        var a = c.Args.Bind("vals!", "specification!", "next_id");
        var ids = c.Ids;
        if (ids.Length > 0)
        {
            await orm.WriteAsync(c.Env, c.Model, ids, a.Object("vals")).ConfigureAwait(false);
        }
        else
        {
            ids = [await orm.CreateAsync(c.Env, c.Model, a.Object("vals")).ConfigureAwait(false)];
        }

        if (a.IntOrNull("next_id") is { } next)
        {
            ids = [next];
        }

        return ToArray(await WebReadAsync(c.Env, c.Model, ids, a.Object("specification")).ConfigureAwait(false));
    }

    /// <summary><c>web_read(specification)</c>: many2ones as ids or as objects with the asked fields, x2manys as ids or records.</summary>
    public async Task<List<JsonObject>> WebReadAsync(Env env, ModelDef model, IReadOnlyList<int> ids, JsonObject specification)
    {
        var names = specification.Select(kv => kv.Key).Where(n => n != "id").ToList();
        if (names.Count == 0)
        {
            var existing = (await orm.ReadAsync(env, model, ids, ["id"], classic: false).ConfigureAwait(false)).Select(r => Values.ToInt(r["id"])).ToHashSet();
            return ids.Where(existing.Contains).Select(id => new JsonObject { ["id"] = id }).ToList();
        }

        var records = await orm.ReadAsync(env, model, ids, names, classic: false).ConfigureAwait(false);
        foreach (var (name, node) in specification)
        {
            if (name == "id" || node is not JsonObject spec || !model.Fields.TryGetValue(name, out var field))
            {
                continue;
            }

            var subFields = spec["fields"] as JsonObject;
            if (field.Type == FieldType.Many2one && subFields is not null)
            {
                var comodel = orm.Registry[field.Relation!];
                var targets = records.Select(r => r[name]).Where(Values.IsNumber).Select(n => Values.ToInt(n)).Distinct().ToList();
                var extra = (JsonObject)subFields.DeepClone();
                extra.Remove("display_name");
                var related = (await WebReadAsync(env, comodel, targets, extra).ConfigureAwait(false)).ToDictionary(r => Values.ToInt(r["id"]));
                if (subFields.ContainsKey("display_name"))
                {
                    foreach (var (id, display) in await orm.DisplayNamesAsync(env, comodel, targets).ConfigureAwait(false))
                    {
                        if (related.TryGetValue(id, out var target))
                        {
                            target["display_name"] = display;
                        }
                    }
                }

                foreach (var record in records.Where(r => Values.IsNumber(r[name])))
                {
                    record[name] = related.TryGetValue(Values.ToInt(record[name]), out var value) ? value.DeepClone() : false;
                }
            }
            else if (field.Type.IsRelationalList() && subFields is not null)
            {
                var comodel = orm.Registry[field.Relation!];
                var limit = spec["limit"] is JsonNode l && Values.IsNumber(l) ? Values.ToInt(l) : int.MaxValue;
                var toRead = records.SelectMany(r => Values.ToIds(r[name]).Take(limit)).Distinct().ToList();
                var related = (await WebReadAsync(env, comodel, toRead, subFields).ConfigureAwait(false)).ToDictionary(r => Values.ToInt(r["id"]));
                foreach (var record in records)
                {
                    record[name] = new JsonArray(Values.ToIds(record[name])
                        .Select(id => (JsonNode?)(related.TryGetValue(id, out var value) ? value.DeepClone() : new JsonObject { ["id"] = id })).ToArray());
                }
            }
        }

        return records;
    }

    private Task<JsonNode?> FieldsGetAsync(MethodCall c)
    {
        var a = c.Args.Bind("allfields", "attributes");
        var wanted = a.Names("allfields");
        var attributes = a.Names("attributes");
        var result = new JsonObject();
        foreach (var field in c.Model.Fields.Values.Where(f => wanted is null || wanted.Count == 0 || wanted.Contains(f.Name)))
        {
            result[field.Name] = Describe(field, attributes);
        }

        return Task.FromResult<JsonNode?>(result);
    }

    public static JsonObject Describe(FieldDef field, IReadOnlyCollection<string>? attributes)
    {
        var all = new JsonObject
        {
            ["type"] = field.Type.OdooName(),
            ["string"] = field.Label,
            ["required"] = field.Required,
            ["readonly"] = field.Readonly,
            ["store"] = field.IsStored,
            ["sortable"] = field.IsScalar,
            ["searchable"] = true,
            ["groupable"] = field.IsScalar,
            ["name"] = field.Name,
            ["help"] = false,
        };
        if (field.Relation is not null)
        {
            all["relation"] = field.Relation;
        }

        if (field.InverseName is not null)
        {
            all["relation_field"] = field.InverseName;
        }

        if (field.Selection is not null)
        {
            all["selection"] = new JsonArray(field.Selection.Select(s => (JsonNode?)new JsonArray(s.Value, s.Label)).ToArray());
        }

        if (field.GroupOperator is not null)
        {
            all["group_operator"] = field.GroupOperator;
        }

        if (attributes is null || attributes.Count == 0)
        {
            return all;
        }

        var filtered = new JsonObject();
        foreach (var attribute in attributes.Where(all.ContainsKey))
        {
            filtered[attribute] = all[attribute]?.DeepClone();
        }

        return filtered;
    }

    private async Task<JsonNode?> DefaultGetAsync(MethodCall c)
    {
        var a = c.Args.Bind("fields_list!");
        var wanted = (a.Names("fields_list") ?? []).Where(name => c.Env.Runtime.Resolve(c.Model, name) is not null).ToList();

        return await orm.DefaultsAsync(c.Env, c.Model, wanted).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>onchange</c>: for a new record (no field changed) the defaults of the fields in the
    /// specification, formatted like web_read; otherwise the values derived from the changed fields
    /// (a product's name and price on an order line, a customer's addresses on an order).
    /// </summary>
    private async Task<JsonNode?> OnchangeAsync(MethodCall c)
    {
        var is17 = c.Env.Runtime.Version.HasSpecification;
        var a = is17 ? c.Args.Bind("values!", "field_names!", "fields_spec!") : c.Args.Bind("values!", "field_name!", "field_onchange!");
        var values = a.Object("values");
        var changed = is17 ? a.Names("field_names") ?? [] : a.Names("field_name") ?? [];
        var value = new JsonObject();
        if (changed.Count == 0)
        {
            var spec = is17 ? a.Object("fields_spec") : new JsonObject(a.Object("field_onchange").Select(kv => KeyValuePair.Create(kv.Key.Split('.')[0], (JsonNode?)new JsonObject())).DistinctBy(kv => kv.Key));
            var defaults = await orm.DefaultsAsync(c.Env, c.Model, spec.Select(kv => kv.Key).ToList()).ConfigureAwait(false);

            // A new record's onchange gives every field of the specification, False when it has no default (an empty x2many is left out).
            foreach (var (name, _) in spec)
            {
                if (!defaults.ContainsKey(name) && c.Model.Fields.TryGetValue(name, out var field) && name != "id" && !field.Type.IsRelationalList())
                {
                    defaults[name] = field.Type switch
                    {
                        FieldType.Integer => 0,
                        FieldType.Float or FieldType.Monetary => Values.Number(0),
                        _ => false,
                    };
                }
            }
            foreach (var (name, node) in defaults)
            {
                var field = c.Model.Field(name);
                if (field.Type == FieldType.Many2one && Values.IsNumber(node) && spec[name] is JsonObject fieldSpec && fieldSpec["fields"] is JsonObject)
                {
                    var names = await orm.DisplayNamesAsync(c.Env, orm.Registry[field.Relation!], [Values.ToInt(node)]).ConfigureAwait(false);
                    value[name] = new JsonObject { ["id"] = Values.ToInt(node), ["display_name"] = names.GetValueOrDefault(Values.ToInt(node), string.Empty) };
                }
                else if (field.Type == FieldType.Many2one && Values.IsNumber(node) && !is17)
                {
                    var names = await orm.DisplayNamesAsync(c.Env, orm.Registry[field.Relation!], [Values.ToInt(node)]).ConfigureAwait(false);
                    value[name] = new JsonArray(Values.ToInt(node), names.GetValueOrDefault(Values.ToInt(node), string.Empty));
                }
                else if (field.Type.IsRelationalList() && is17)
                {
                    // 17 answers x2many values as commands: link each record.
                    value[name] = new JsonArray(Values.ToIds(node).Select(id => (JsonNode?)new JsonArray(4, id, new JsonObject { ["id"] = id })).ToArray());
                }
                else
                {
                    value[name] = node?.DeepClone();
                }
            }
        }
        else
        {
            foreach (var (name, node) in await Onchanges.DeriveAsync(c.Env, c.Model, values, changed).ConfigureAwait(false))
            {
                value[name] = node?.DeepClone();
            }
        }

        return new JsonObject { ["value"] = value };
    }

    private async Task<JsonNode?> SetActiveAsync(MethodCall c, bool active)
    {
        c.Args.Bind();
        if (!c.Model.HasActive)
        {
            throw OdooException.ValueError($"Model {c.Model.Name} has no active field");
        }

        await orm.WriteAsync(c.Env, c.Model, c.Ids, new JsonObject { ["active"] = active }).ConfigureAwait(false);
        return true;
    }

    /// <summary><c>get_views(views, options)</c>: a plain generated arch per asked view type, and the fields it uses.</summary>
    private Task<JsonNode?> GetViewsAsync(MethodCall c)
    {
        var a = c.Args.Bind("views!", "options");
        var listTag = c.Env.Runtime.Version.Major >= 18 ? "list" : "tree";
        var shown = c.Model.Fields.Values.Where(f => f.IsScalar && f.Name is not ("id" or "create_uid" or "write_uid" or "create_date" or "write_date")).Take(8).ToList();
        var views = new JsonObject();
        foreach (var view in a["views"] as JsonArray ?? [])
        {
            var type = view is JsonArray pair && pair.Count == 2 ? Values.ToStringOrNull(pair[1]) ?? "form" : "form";
            var arch = new StringBuilder();
            var tag = type == "list" ? listTag : type;
            arch.Append('<').Append(tag).Append(" string=\"").Append(c.Model.Description).Append("\">");
            foreach (var field in type == "search" ? shown.Where(f => f.Type is FieldType.Char or FieldType.Many2one).Take(3) : shown)
            {
                arch.Append("<field name=\"").Append(field.Name).Append("\"/>");
            }

            arch.Append("</").Append(tag).Append('>');
            views[type] = new JsonObject
            {
                ["arch"] = arch.ToString(),
                ["id"] = ViewId(c.Model.Name, type),
                ["model"] = c.Model.Name,
            };
        }

        var fields = new JsonObject();
        foreach (var field in shown.Append(c.Model.Field("display_name")))
        {
            fields[field.Name] = Describe(field, null);
        }

        return Task.FromResult<JsonNode?>(new JsonObject { ["views"] = views, ["models"] = new JsonObject { [c.Model.Name] = fields } });
    }

    // Stable small ids, like the ids of ir.ui.view records.
    private static int ViewId(string model, string type)
    {
        var hash = 17;
        foreach (var ch in model + "/" + type)
        {
            hash = unchecked((hash * 31) + ch);
        }

        return 100 + (Math.Abs(hash % 9000));
    }

    private static JsonArray ToArray(IEnumerable<JsonObject> records) => new(records.Select(r => (JsonNode?)r).ToArray());
}
