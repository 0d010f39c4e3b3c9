using System.Text.Json.Nodes;
using Xunit;

namespace OdooPerf.OdooSim.Tests;

/// <summary>
/// The simulator answers in the schema of the version it plays: fields renamed, removed and added between 16 and 19
/// (docs/odoo-versions.md), the methods each version has, and read_group's deprecation warning on 19.
/// </summary>
public sealed class SchemaVersionTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    // Written from Odoo's sources (and the real 18.0 fields_get dumps), not from the simulator's table: a missing rename fails here.
    public static readonly TheoryData<string, string, string, bool> Fields = new()
    {
        { "16.0", "stock.move", "quantity_done", true }, { "16.0", "stock.move", "quantity", false }, { "16.0", "stock.move", "picked", false },
        { "16.0", "sale.order", "locked", false }, { "16.0", "product.template", "detailed_type", true }, { "16.0", "product.template", "is_storable", false },
        { "16.0", "crm.lead", "mobile", true }, { "16.0", "sale.order.line", "tax_id", true },
        { "17.0", "stock.move", "quantity", true }, { "17.0", "stock.move", "picked", true }, { "17.0", "stock.move", "quantity_done", false },
        { "17.0", "sale.order", "locked", true }, { "17.0", "product.template", "detailed_type", true }, { "17.0", "product.template", "is_storable", false },
        { "17.0", "res.partner", "mobile", true }, { "17.0", "account.payment", "ref", true }, { "17.0", "account.payment", "memo", false },
        { "17.0", "account.move", "payment_id", true }, { "17.0", "sale.order.line", "product_uom", true }, { "17.0", "sale.order.line", "product_uom_id", false },
        { "18.0", "product.template", "detailed_type", false }, { "18.0", "product.product", "detailed_type", false }, { "18.0", "product.template", "is_storable", true },
        { "18.0", "product.product", "is_storable", true }, { "18.0", "product.template", "priority", false }, { "18.0", "product.template", "is_favorite", true },
        { "18.0", "account.payment", "memo", true }, { "18.0", "account.payment", "ref", false }, { "18.0", "account.move", "origin_payment_id", true },
        { "18.0", "account.move", "payment_id", false }, { "18.0", "res.partner", "mobile", true }, { "18.0", "crm.lead", "mobile", true },
        { "18.0", "stock.picking", "move_ids_without_package", true }, { "18.0", "sale.order.line", "tax_id", true }, { "18.0", "purchase.order.line", "taxes_id", true },
        { "19.0", "res.partner", "mobile", false }, { "19.0", "res.partner", "phone", true }, { "19.0", "crm.lead", "mobile", false },
        { "19.0", "stock.picking", "move_ids_without_package", false }, { "19.0", "stock.picking", "move_ids", true },
        { "19.0", "sale.order.line", "product_uom", false }, { "19.0", "sale.order.line", "product_uom_id", true },
        { "19.0", "sale.order.line", "tax_id", false }, { "19.0", "sale.order.line", "tax_ids", true },
        { "19.0", "purchase.order.line", "product_uom", false }, { "19.0", "purchase.order.line", "product_uom_id", true },
        { "19.0", "purchase.order.line", "taxes_id", false }, { "19.0", "purchase.order.line", "tax_ids", true },
        { "19.0", "stock.move", "product_uom", true }, { "19.0", "stock.move", "quantity", true },
        { "19.0", "account.account", "deprecated", false }, { "19.0", "account.account", "active", true }, { "19.0", "product.template", "is_storable", true },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Fields_get_shows_the_fields_of_the_version(string version, string model, string field, bool present)
    {
        using var client = await ClientAsync(version);

        var fields = (await client.KwAsync(model, "fields_get", [], new JsonObject { ["attributes"] = new JsonArray("type", "string", "relation") })).AsObject();

        Assert.Equal(present, fields.ContainsKey(field));
    }

    [Theory]
    [InlineData("16.0", new[] { "consu", "service", "product" })]
    [InlineData("17.0", new[] { "consu", "service", "product" })]
    [InlineData("18.0", new[] { "consu", "service", "combo" })]
    [InlineData("19.0", new[] { "consu", "service", "combo" })]
    public async Task Product_type_has_the_selection_of_the_version(string version, string[] values)
    {
        using var client = await ClientAsync(version);

        var fields = (await client.KwAsync("product.template", "fields_get", [new JsonArray("type")], new JsonObject { ["attributes"] = new JsonArray("selection", "type") })).AsObject();

        Assert.Equal("selection", fields["type"]!["type"]!.GetValue<string>());
        Assert.Equal(values, fields["type"]!["selection"]!.AsArray().Select(p => p![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task Renamed_fields_keep_their_kind_and_comodel_on_19()
    {
        using var client = await ClientAsync("19.0");

        var fields = (await client.KwAsync("sale.order.line", "fields_get", [new JsonArray("product_uom_id", "tax_ids")], new JsonObject
        {
            ["attributes"] = new JsonArray("type", "relation", "string"),
        })).AsObject();

        Assert.Equal(["product_uom_id", "tax_ids"], fields.Select(kv => kv.Key).Order());
        Assert.Equal("many2one", fields["product_uom_id"]!["type"]!.GetValue<string>());
        Assert.Equal("uom.uom", fields["product_uom_id"]!["relation"]!.GetValue<string>());
        Assert.Equal("Unit", fields["product_uom_id"]!["string"]!.GetValue<string>());
        Assert.Equal("many2many", fields["tax_ids"]!["type"]!.GetValue<string>());
        Assert.Equal("account.tax", fields["tax_ids"]!["relation"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_removed_field_fails_like_Odoo_19_in_a_specification_in_values_and_in_a_domain()
    {
        using var client = await ClientAsync("19.0");

        var read = OdooTestClient.Error(await client.CallAsync("res.partner", "web_search_read", [], new JsonObject
        {
            ["domain"] = new JsonArray(), ["specification"] = new JsonObject { ["name"] = new JsonObject(), ["mobile"] = new JsonObject() }, ["limit"] = 5,
        }));
        var save = OdooTestClient.Error(await client.CallAsync("res.partner", "web_save", [new JsonArray()], new JsonObject
        {
            ["vals"] = new JsonObject { ["name"] = "Mobile Person", ["mobile"] = "+1 555-9999" }, ["specification"] = new JsonObject { ["name"] = new JsonObject() },
        }));
        var search = OdooTestClient.Error(await client.CallAsync("res.partner", "search_read", [], new JsonObject
        {
            ["domain"] = new JsonArray(new JsonArray("mobile", "ilike", "555")), ["fields"] = new JsonArray("name"),
        }));
        var order = OdooTestClient.Error(await client.CallAsync("res.partner", "search", [new JsonArray()], new JsonObject { ["order"] = "mobile desc" }));
        var oldName = OdooTestClient.Error(await client.CallAsync("sale.order.line", "search_read", [], new JsonObject
        {
            ["domain"] = new JsonArray(), ["fields"] = new JsonArray("tax_id"),
        }));

        foreach (var error in new[] { read, save, search, order, oldName })
        {
            Assert.Equal("builtins.ValueError", error["data"]!["name"]!.GetValue<string>());
        }

        Assert.Equal("Invalid field 'mobile' on model 'res.partner'", read["data"]!["message"]!.GetValue<string>());
        Assert.Equal("Invalid field 'mobile' on model 'res.partner'", save["data"]!["message"]!.GetValue<string>());
        Assert.Equal("Invalid field res.partner.mobile in condition ('mobile', 'ilike', '555')", search["data"]!["message"]!.GetValue<string>());
        Assert.Equal("Invalid field 'tax_id' on model 'sale.order.line'", oldName["data"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_calls_work_on_18_and_a_16_domain_on_a_17_field_fails_with_the_leaf_wording()
    {
        using var client18 = await ClientAsync("18.0");
        var partners = (await client18.KwAsync("res.partner", "search_read", [], new JsonObject
        {
            ["domain"] = new JsonArray(new JsonArray("mobile", "ilike", "555")), ["fields"] = new JsonArray("name", "mobile"), ["limit"] = 3,
        })).AsArray();
        Assert.NotEmpty(partners);

        using var client16 = await ClientAsync("16.0");
        var error = OdooTestClient.Error(await client16.CallAsync("stock.move", "search_read", [], new JsonObject
        {
            ["domain"] = new JsonArray(new JsonArray("picked", "=", true)), ["fields"] = new JsonArray("name"),
        }));
        Assert.Equal("Invalid field stock.move.picked in leaf ('picked', '=', True)", error["data"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_19_quotation_saved_with_tax_ids_and_product_uom_id_reads_back_and_confirms()
    {
        var sim = await fixture.SharedAsync("19.0");
        using var client = await ClientAsync("19.0");
        var tax = (await client.KwAsync("account.tax", "search", [new JsonArray(new JsonArray("type_tax_use", "=", "sale"))])).AsArray()[0]!.GetValue<int>();
        var product = (await client.KwAsync("product.product", "search", [new JsonArray(new JsonArray("is_storable", "=", true))], new JsonObject { ["limit"] = 1 }))
            .AsArray()[0]!.GetValue<int>();
        var customer = (await client.KwAsync("res.partner", "search", [new JsonArray(new JsonArray("customer_rank", ">", 0))], new JsonObject { ["limit"] = 1 }))
            .AsArray()[0]!.GetValue<int>();

        var saved = (await client.KwAsync("sale.order", "web_save", [new JsonArray()], new JsonObject
        {
            ["vals"] = new JsonObject
            {
                ["partner_id"] = customer,
                ["order_line"] = new JsonArray(new JsonArray(0, 0, new JsonObject
                {
                    ["product_id"] = product, ["product_uom_qty"] = 2, ["tax_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray(tax))),
                })),
            },
            ["specification"] = new JsonObject
            {
                ["order_line"] = new JsonObject
                {
                    ["fields"] = new JsonObject { ["tax_ids"] = new JsonObject(), ["product_uom_id"] = new JsonObject { ["fields"] = new JsonObject { ["display_name"] = new JsonObject() } } },
                },
            },
        })).AsArray();
        var line = saved[0]!["order_line"]!.AsArray().Single()!;
        Assert.Equal(new JsonArray(tax).ToJsonString(), line["tax_ids"]!.ToJsonString());
        Assert.Equal("Units", line["product_uom_id"]!["display_name"]!.GetValue<string>());

        var orderId = saved[0]!["id"]!.GetValue<int>();
        await client.ButtonAsync("sale.order", "action_confirm", orderId);
        var moves = (await client.KwAsync("stock.move", "search_read", [new JsonArray(new JsonArray("sale_line_id.order_id", "=", orderId))], new JsonObject
        {
            ["fields"] = new JsonArray("product_uom", "quantity", "state"),
        })).AsArray();
        var move = Assert.Single(moves)!;
        Assert.Equal("assigned", move["state"]!.GetValue<string>());
        Assert.Equal(2.0, move["quantity"]!.GetValue<double>());
        Assert.Equal(1, await fixture.ScalarAsync<long>(sim, $"SELECT count(*) FROM account_tax_sale_order_line_rel r JOIN sale_order_line l ON l.id = r.sale_order_line_id WHERE l.order_id = {orderId}"));
    }

    [Fact]
    public async Task Formatted_read_group_exists_on_19_only_and_answers_in_its_shape()
    {
        using var client = await ClientAsync("19.0");

        var groups = (await client.KwAsync("crm.lead", "formatted_read_group", [], new JsonObject
        {
            ["domain"] = new JsonArray(new JsonArray("type", "=", "opportunity")),
            ["groupby"] = new JsonArray("stage_id", "create_date:month"),
            ["aggregates"] = new JsonArray("expected_revenue:sum", "__count"),
        })).AsArray();

        Assert.NotEmpty(groups);
        var first = groups[0]!.AsObject();
        Assert.Equal(["__count", "__extra_domain", "create_date:month", "expected_revenue:sum", "stage_id"], first.Select(kv => kv.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, first["stage_id"]!.AsArray().Count);
        var month = first["create_date:month"]!.AsArray();
        Assert.Matches(@"^\d{4}-\d{2}-01 00:00:00$", month[0]!.GetValue<string>());
        Assert.Matches(@"^[A-Z][a-z]+ \d{4}$", month[1]!.GetValue<string>());
        Assert.Equal("&", first["__extra_domain"]![0]!.GetValue<string>());
        Assert.Equal(3, groups.Sum(g => g!["__count"]!.GetValue<int>()));

        using var client18 = await ClientAsync("18.0");
        var error = OdooTestClient.Error(await client18.CallAsync("crm.lead", "formatted_read_group", [], new JsonObject { ["domain"] = new JsonArray() }));
        Assert.Equal("builtins.AttributeError", error["data"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Web_read_group_takes_19s_arguments_on_19()
    {
        using var client = await ClientAsync("19.0");

        var result = (await client.KwAsync("crm.lead", "web_read_group", [], new JsonObject
        {
            ["domain"] = new JsonArray(), ["groupby"] = new JsonArray("stage_id"), ["aggregates"] = new JsonArray("expected_revenue:sum"),
            ["auto_unfold"] = true, ["unfold_read_specification"] = new JsonObject { ["name"] = new JsonObject() },
        })).AsObject();

        var groups = result["groups"]!.AsArray();
        Assert.Equal(groups.Count, result["length"]!.GetValue<int>());
        Assert.All(groups, g => Assert.Equal(g!["__count"]!.GetValue<int>(), g["__records"]!.AsArray().Count));
        var old = OdooTestClient.Error(await client.CallAsync("crm.lead", "web_read_group", [], new JsonObject
        {
            ["domain"] = new JsonArray(), ["fields"] = new JsonArray("expected_revenue:sum"), ["groupby"] = new JsonArray("stage_id"),
        }));
        Assert.Equal("web_read_group() got an unexpected keyword argument 'fields'", old["data"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Read_group_on_19_writes_the_deprecation_warning_once_and_18_writes_none()
    {
        await using var sim19 = await fixture.StartAsync("19.0");
        await using var sim18 = await fixture.StartAsync("18.0");
        foreach (var sim in new[] { sim19, sim18 })
        {
            using var client = new OdooTestClient(sim.BaseUrl);
            await client.AuthenticateAsync(sim.DatabaseName);
            for (var i = 0; i < 2; i++)
            {
                await client.KwAsync("crm.lead", "read_group", [], new JsonObject
                {
                    ["domain"] = new JsonArray(), ["fields"] = new JsonArray("expected_revenue:sum"), ["groupby"] = new JsonArray("stage_id"),
                });
            }

            await sim.FlushLogAsync();
        }

        var log19 = await CapturedLog.ReadAsync(fixture.LogFile(sim19));
        var log18 = await CapturedLog.ReadAsync(fixture.LogFile(sim18));
        var warning = Assert.Single(log19.Entries, e => e.Logger == "py.warnings");
        Assert.Equal("WARNING", warning.Level.ToUpperInvariant());
        Assert.Contains("odoo/service/model.py:93: DeprecationWarning: Since 19.0, read_group is deprecated. Please use _read_group in the backend code or formatted_read_group for a complete formatted result",
            warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log18.Entries, e => e.Logger == "py.warnings");
    }

    [Theory]
    [InlineData("18.0", "args", "domain")]
    [InlineData("19.0", "domain", "args")]
    public async Task Name_search_takes_the_domain_under_the_versions_name(string version, string accepted, string refused)
    {
        using var client = await ClientAsync(version);

        var found = (await client.KwAsync("res.partner", "name_search", [], new JsonObject
        {
            ["name"] = "Deco", [accepted] = new JsonArray(new JsonArray("is_company", "=", true)),
        })).AsArray();
        var error = OdooTestClient.Error(await client.CallAsync("res.partner", "name_search", [], new JsonObject
        {
            ["name"] = "Deco", [refused] = new JsonArray(),
        }));

        Assert.Equal("Deco Addict", Assert.Single(found)![1]!.GetValue<string>());
        Assert.Equal("builtins.TypeError", error["data"]!["name"]!.GetValue<string>());
        Assert.Equal($"name_search() got an unexpected keyword argument '{refused}'", error["data"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Web_name_search_answers_19s_many2one_autocompletion()
    {
        using var client = await ClientAsync("19.0");

        var found = (await client.KwAsync("res.partner", "web_name_search", [], new JsonObject
        {
            ["name"] = "Deco", ["operator"] = "ilike", ["domain"] = new JsonArray(), ["limit"] = 8, ["specification"] = new JsonObject { ["display_name"] = new JsonObject() },
        })).AsArray();

        var partner = Assert.Single(found)!.AsObject();
        Assert.Equal("Deco Addict", partner["display_name"]!.GetValue<string>());
        Assert.Equal("Deco Addict", partner["__formatted_display_name"]!.GetValue<string>());
        using var client18 = await ClientAsync("18.0");
        Assert.Equal("builtins.AttributeError", OdooTestClient.Error(await client18.CallAsync("res.partner", "web_name_search", [], new JsonObject
        {
            ["name"] = "Deco", ["specification"] = new JsonObject(),
        }))["data"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("16.0", "detailed_type", "product")]
    [InlineData("17.0", "detailed_type", "product")]
    [InlineData("18.0", "is_storable", true)]
    [InlineData("19.0", "is_storable", true)]
    public async Task Storable_products_are_seeded_and_recognised_the_versions_way(string version, string field, object value)
    {
        using var client = await ClientAsync(version);
        var filter = new JsonArray(field, "=", value is bool flag ? JsonValue.Create(flag) : JsonValue.Create((string)value));

        var storable = (await client.KwAsync("product.product", "search_read", [new JsonArray(filter)], new JsonObject
        {
            ["fields"] = new JsonArray("qty_available", "type"),
        })).AsArray();

        Assert.NotEmpty(storable);
        Assert.All(storable, p => Assert.True(p!["qty_available"]!.GetValue<double>() > 0));
        var type = int.Parse(version[..2], System.Globalization.CultureInfo.InvariantCulture) >= 18 ? "consu" : "product";
        Assert.All(storable, p => Assert.Equal(type, p!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Products_created_the_18_way_are_storable_and_the_17_type_value_is_refused()
    {
        using var client = await ClientAsync("18.0");

        var created = (await client.KwAsync("product.template", "web_save", [new JsonArray()], new JsonObject
        {
            ["vals"] = new JsonObject { ["name"] = "Tracked Chair", ["type"] = "consu", ["is_storable"] = true },
            ["specification"] = new JsonObject { ["is_storable"] = new JsonObject(), ["type"] = new JsonObject() },
        })).AsArray();
        var wrong = OdooTestClient.Error(await client.CallAsync("product.template", "create", [new JsonObject { ["name"] = "Old Style", ["type"] = "product" }]));

        Assert.True(created[0]!["is_storable"]!.GetValue<bool>());
        Assert.Equal("builtins.ValueError", wrong["data"]!["name"]!.GetValue<string>());
        Assert.Equal("Wrong value for product.template.type: 'product'", wrong["data"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_16_done_quantity_is_quantity_done()
    {
        using var client = await ClientAsync("16.0");
        var fields = (await client.KwAsync("stock.move", "fields_get", [new JsonArray("quantity_done")], new JsonObject { ["attributes"] = new JsonArray("type", "string") })).AsObject();

        Assert.Equal("float", fields["quantity_done"]!["type"]!.GetValue<string>());
        Assert.Equal("Quantity Done", fields["quantity_done"]!["string"]!.GetValue<string>());
    }

    /// <summary>
    /// The schema of real community servers (<c>RealSchemas/odoo-VERSION.json</c>: fields_get of the models the load scenarios
    /// touch, read from a real Odoo of each version run here, field name → type and relation): every field the simulator
    /// shows must exist there with the same kind, and every name it calls absent in that version must be absent there.
    /// </summary>
    [Theory]
    [InlineData("16.0")]
    [InlineData("17.0")]
    [InlineData("18.0")]
    [InlineData("19.0")]
    public async Task Every_field_the_simulator_shows_exists_on_the_real_server(string version)
    {
        var path = Path.Join(AppContext.BaseDirectory, "RealSchemas", $"odoo-{version[..2]}.json");
        var models = JsonNode.Parse(await File.ReadAllTextAsync(path))!["models"]!.AsObject();
        Assert.True(models.Count >= 30, $"{path} holds {models.Count} models");

        using var client = await ClientAsync(version);
        var problems = new List<string>();
        var compared = 0;
        foreach (var (model, fields) in models)
        {
            var real = fields!.AsObject();
            var response = await client.CallAsync(model, "fields_get", [], new JsonObject { ["attributes"] = new JsonArray("type", "relation") });
            if (response.ContainsKey("error"))
            {
                continue; // a model the simulator does not have
            }

            var absent = new Orm.Registry([], int.Parse(version[..2], System.Globalization.CultureInfo.InvariantCulture)).Models.SingleOrDefault(m => m.Name == model)?.Absent.Keys ?? [];
            problems.AddRange(absent.Where(real.ContainsKey).Select(name => $"{model}.{name}: absent here, present on the real {version}"));

            foreach (var (name, description) in response["result"]!.AsObject())
            {
                compared++;
                if (!real.TryGetPropertyValue(name, out var actual) || actual is null)
                {
                    problems.Add($"{model}.{name}: not on the real {version}");
                    continue;
                }

                var (type, relation) = Split(actual.GetValue<string>());
                if (Kind(description!["type"]!.GetValue<string>()) != Kind(type) || description["relation"]?.GetValue<string>() != relation)
                {
                    problems.Add($"{model}.{name}: {description["type"]} {description["relation"]} here, {type} {relation} on the real {version}");
                }
            }
        }

        Assert.True(compared > 300, $"only {compared} fields compared");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static (string Type, string? Relation) Split(string typeAndRelation)
    {
        var colon = typeAndRelation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (typeAndRelation, null) : (typeAndRelation[..colon], typeAndRelation[(colon + 1)..]);
    }

    // Approximations the simulator makes whatever the version: amounts as monetary, languages and time zones as char, selections of related
    // fields; the kinds that matter to a client (scalar, many2one, x2many) must agree.
    private static string Kind(string type) => type switch
    {
        "float" or "monetary" or "integer" => "number",
        "char" or "selection" or "text" or "html" => "text",
        "one2many" or "many2many" => "x2many",
        _ => type,
    };

    private async Task<OdooTestClient> ClientAsync(string version)
    {
        var sim = await fixture.SharedAsync(version);
        var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        return client;
    }
}
