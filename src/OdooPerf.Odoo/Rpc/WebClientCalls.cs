using System.Text.Json.Nodes;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// The ORM calls the web client makes, in the shape each version's client sends (<c>addons/web/models/models.py</c> and
/// <c>odoo/models.py</c> of each release): positional arguments carry their Python names so JSON-2 can send them named.
/// </summary>
internal static class WebClientCalls
{
    // 17+: web_search_read(domain, specification, offset, limit, order, count_limit); 14-16: (domain, fields, ...);
    // 13 and older clients read lists through /web/dataset/search_read, which is search_read underneath.
    public static OdooCall SearchRead(OdooServerVersion version, string model, OdooDomain? domain, OdooSpecification specification,
        int offset, int? limit, string? order, JsonObject? context, int? countLimit)
    {
        var kwargs = new JsonObject();
        string method;
        if (version.HasSpecification)
        {
            method = "web_search_read";
            kwargs["specification"] = specification.ToNode();
        }
        else
        {
            method = version.HasWebSearchReadWithFields ? "web_search_read" : "search_read";
            kwargs["fields"] = Strings(specification.FieldNames);
        }

        kwargs["domain"] = (domain ?? OdooDomain.Empty).ToNode();
        kwargs["offset"] = offset;
        AddIfSet(kwargs, "limit", limit);
        AddIfSet(kwargs, "order", order);
        if (method == "web_search_read")
        {
            AddIfSet(kwargs, "count_limit", countLimit);
        }

        return new OdooCall(model, method) { Kwargs = kwargs, Context = context };
    }

    // 17+: web_read(specification); before: read(fields).
    public static OdooCall Read(OdooServerVersion version, string model, IReadOnlyList<long> ids, OdooSpecification specification, JsonObject? context) =>
        version.HasSpecification
            ? new OdooCall(model, "web_read") { Ids = ids, Kwargs = new JsonObject { ["specification"] = specification.ToNode() }, Context = context }
            : new OdooCall(model, "read") { Ids = ids, Args = [Strings(specification.FieldNames)], ArgNames = ["fields"], Context = context };

    // web_save(vals, specification) on the record, or on no record to create one (17+).
    public static OdooCall Save(string model, IReadOnlyList<long> ids, JsonObject vals, OdooSpecification specification, JsonObject? context) =>
        new(model, "web_save") { Ids = ids, Args = [vals.DeepClone()], ArgNames = ["vals"], Kwargs = new JsonObject { ["specification"] = specification.ToNode() }, Context = context };

    // "New" on a form: onchange on no record with no value and no field changed. 17+: the form's specification; before
    // (13 to 16): field_onchange, each field of the view mapped to "1".
    public static OdooCall NewRecordOnchange(OdooServerVersion version, string model, OdooSpecification specification, JsonObject? context)
    {
        JsonNode fields = version.HasSpecification
            ? specification.ToNode()
            : new JsonObject(specification.FieldNames.Select(name => KeyValuePair.Create(name, (JsonNode?)"1")));
        return new OdooCall(model, "onchange")
        {
            Ids = [],
            Args = [new JsonObject(), new JsonArray(), fields],
            ArgNames = version.HasSpecification ? ["values", "field_names", "fields_spec"] : ["values", "field_name", "field_onchange"],
            Context = context,
        };
    }

    // The parameter is vals_list since 12 (@api.model_create_multi); the web client sends one dict.
    public static OdooCall Create(string model, JsonObject vals, JsonObject? context) =>
        new(model, "create") { Args = [vals.DeepClone()], ArgNames = ["vals_list"], Context = context };

    public static OdooCall Write(string model, IReadOnlyList<long> ids, JsonObject vals, JsonObject? context) =>
        new(model, "write") { Ids = ids, Args = [vals.DeepClone()], ArgNames = ["vals"], Context = context };

    // A many2one's autocompletion. 19: web_name_search(name, specification, domain, operator, limit), asking for the
    // display name (addons/web/static/src/views/fields/relational_utils.js); before: name_search(name, args, operator,
    // limit). (19's name_search takes "domain" instead of "args"; its web client no longer calls it for this.)
    public static OdooCall NameSearch(OdooServerVersion version, string model, string name, OdooDomain? domain, string op, int limit, JsonObject? context)
    {
        var kwargs = new JsonObject
        {
            ["name"] = name,
            [version.NameSearchTakesDomain ? "domain" : "args"] = (domain ?? OdooDomain.Empty).ToNode(),
            ["operator"] = op,
            ["limit"] = limit,
        };
        if (!version.HasWebNameSearch)
        {
            return new OdooCall(model, "name_search") { Kwargs = kwargs, Context = context };
        }

        kwargs["specification"] = new JsonObject { ["display_name"] = new JsonObject() };
        return new OdooCall(model, "web_name_search") { Kwargs = kwargs, Context = context };
    }

    public static OdooCall SearchCount(string model, OdooDomain? domain, JsonObject? context) =>
        new(model, "search_count") { Args = [(domain ?? OdooDomain.Empty).ToNode()], ArgNames = ["domain"], Context = context };

    public static OdooCall PlainSearchRead(string model, OdooDomain? domain, IReadOnlyList<string> fields, int offset, int? limit, string? order, JsonObject? context)
    {
        var kwargs = new JsonObject
        {
            ["domain"] = (domain ?? OdooDomain.Empty).ToNode(),
            ["fields"] = Strings(fields),
            ["offset"] = offset,
        };
        AddIfSet(kwargs, "limit", limit);
        AddIfSet(kwargs, "order", order);
        return new OdooCall(model, "search_read") { Kwargs = kwargs, Context = context };
    }

    // read_group(domain, fields, groupby, offset, limit, orderby, lazy): the same names from 12 to 19.
    public static OdooCall ReadGroup(string model, OdooDomain? domain, IReadOnlyList<string> fields, IReadOnlyList<string> groupBy,
        int offset, int? limit, string? orderBy, bool lazy, JsonObject? context)
    {
        var kwargs = new JsonObject
        {
            ["domain"] = (domain ?? OdooDomain.Empty).ToNode(),
            ["fields"] = Strings(fields),
            ["groupby"] = Strings(groupBy),
            ["offset"] = offset,
            ["lazy"] = lazy,
        };
        AddIfSet(kwargs, "limit", limit);
        AddIfSet(kwargs, "orderby", orderBy);
        return new OdooCall(model, "read_group") { Kwargs = kwargs, Context = context };
    }

    // A pivot view's grouped read, rows by columns. 19: formatted_read_grouping_sets(domain, grouping_sets,
    // aggregates, order) with the sets the pivot asks for (the total, each axis, both: addons/web/static/src/views/pivot/
    // pivot_model.js); read_group is deprecated there. Before: read_group(domain, fields, groupby, lazy=False).
    public static OdooCall PivotReadGroup(OdooServerVersion version, string model, OdooDomain? domain, IReadOnlyList<string> rows,
        IReadOnlyList<string> columns, IReadOnlyList<string> aggregates, JsonObject? context)
    {
        if (!version.HasFormattedReadGroup)
        {
            return ReadGroup(model, domain, aggregates, [.. rows, .. columns], offset: 0, limit: null, orderBy: null, lazy: false, context);
        }

        var sets = new JsonArray(Strings([]));
        if (rows.Count > 0)
        {
            sets.Add(Strings(rows));
        }

        if (columns.Count > 0)
        {
            sets.Add(Strings(columns));
        }

        if (rows.Count > 0 && columns.Count > 0)
        {
            sets.Add(Strings([.. rows, .. columns]));
        }

        return new OdooCall(model, "formatted_read_grouping_sets")
        {
            Kwargs = new JsonObject
            {
                ["domain"] = (domain ?? OdooDomain.Empty).ToNode(),
                ["grouping_sets"] = sets,
                ["aggregates"] = Strings(aggregates),
            },
            Context = context,
        };
    }

    // 19: web_read_group(domain, groupby, aggregates, limit, offset, order); before: (domain, fields, groupby, limit,
    // offset, orderby, lazy), where fields take the same "field:aggregate" strings.
    public static OdooCall WebReadGroup(OdooServerVersion version, string model, OdooDomain? domain, IReadOnlyList<string> groupBy,
        IReadOnlyList<string> aggregates, int offset, int? limit, string? order, JsonObject? context)
    {
        var kwargs = new JsonObject
        {
            ["domain"] = (domain ?? OdooDomain.Empty).ToNode(),
            ["groupby"] = Strings(groupBy),
            [version.WebReadGroupTakesAggregates ? "aggregates" : "fields"] = Strings(aggregates),
            ["offset"] = offset,
        };
        AddIfSet(kwargs, "limit", limit);
        AddIfSet(kwargs, version.WebReadGroupTakesAggregates ? "order" : "orderby", order);
        if (!version.WebReadGroupTakesAggregates)
        {
            kwargs["lazy"] = true;
        }

        return new OdooCall(model, "web_read_group") { Kwargs = kwargs, Context = context };
    }

    private static JsonArray Strings(IReadOnlyList<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(value);
        }

        return array;
    }

    private static void AddIfSet(JsonObject target, string key, int? value)
    {
        if (value is { } set)
        {
            target[key] = set;
        }
    }

    private static void AddIfSet(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }
}
