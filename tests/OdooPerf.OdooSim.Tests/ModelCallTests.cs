using System.Text.Json.Nodes;
using Xunit;

namespace OdooPerf.OdooSim.Tests;

/// <summary>The generic model methods over the real tables: reads by specification, writes that land in PostgreSQL, grouping.</summary>
public sealed class ModelCallTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Web_search_read_filters_by_domain_and_shapes_records_by_specification()
    {
        var sim = await fixture.SharedAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        var result = (await client.KwAsync("res.partner", "web_search_read", [], new JsonObject
        {
            ["domain"] = new JsonArray("|", new JsonArray("name", "ilike", "azure"), new JsonArray("name", "=", "Deco Addict"), new JsonArray("customer_rank", ">", 0)),
            ["specification"] = new JsonObject
            {
                ["display_name"] = new JsonObject(),
                ["phone"] = new JsonObject(),
                ["company_id"] = new JsonObject { ["fields"] = new JsonObject { ["display_name"] = new JsonObject() } },
                ["user_id"] = new JsonObject(),
            },
            ["order"] = "name asc",
            ["limit"] = 80,
            ["context"] = OdooTestClient.Context.DeepClone(),
        })).AsObject();

        Assert.Equal(2, result["length"]!.GetValue<int>());
        var records = result["records"]!.AsArray();
        Assert.Equal(["Azure Interior", "Deco Addict"], records.Select(r => r!["display_name"]!.GetValue<string>()));
        Assert.Equal(new JsonObject { ["id"] = 1, ["display_name"] = "YourCompany" }.ToJsonString(), records[0]!["company_id"]!.ToJsonString());
        Assert.False(records[0]!["user_id"]!.GetValue<bool>());
        Assert.StartsWith("+1 555-", records[0]!["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_full_page_reports_the_total_count_like_Odoo()
    {
        var sim = await fixture.SharedAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        var page = (await client.KwAsync("product.product", "web_search_read", [], new JsonObject
        {
            ["domain"] = new JsonArray(), ["specification"] = new JsonObject { ["display_name"] = new JsonObject() }, ["limit"] = 3,
        })).AsObject();

        Assert.Equal(3, page["records"]!.AsArray().Count);
        Assert.Equal(10, page["length"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_web_save_write_and_unlink_change_the_rows_in_PostgreSQL()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        var created = (await client.KwAsync("res.partner", "create", [new JsonObject { ["name"] = "Created By Test", ["email"] = "created@example.com" }])).GetValue<int>();
        var saved = (await client.KwAsync("res.partner", "web_save", [new JsonArray(), new JsonObject { ["name"] = "Saved By Test", ["is_company"] = true }],
            new JsonObject { ["specification"] = new JsonObject { ["display_name"] = new JsonObject(), ["is_company"] = new JsonObject() } })).AsArray();
        var savedId = saved[0]!["id"]!.GetValue<int>();
        await client.KwAsync("res.partner", "web_save", [new JsonArray(savedId), new JsonObject { ["city"] = "Ghent" }], new JsonObject { ["specification"] = new JsonObject() });
        await client.KwAsync("res.partner", "write", [new JsonArray(created), new JsonObject { ["phone"] = "+32 9 000 00 00" }]);

        Assert.Equal("Saved By Test", saved[0]!["display_name"]!.GetValue<string>());
        Assert.Equal("created@example.com", await fixture.ScalarAsync<string>(sim, $"SELECT email FROM res_partner WHERE id = {created}"));
        Assert.Equal("+32 9 000 00 00", await fixture.ScalarAsync<string>(sim, $"SELECT phone FROM res_partner WHERE id = {created}"));
        Assert.Equal("Ghent", await fixture.ScalarAsync<string>(sim, $"SELECT city FROM res_partner WHERE id = {savedId}"));
        Assert.Equal(2, await fixture.ScalarAsync<int>(sim, $"SELECT create_uid FROM res_partner WHERE id = {savedId}"));

        Assert.True((await client.KwAsync("res.partner", "unlink", [new JsonArray(created, savedId)])).GetValue<bool>());
        Assert.Equal(0L, await fixture.ScalarAsync<long>(sim, $"SELECT count(*) FROM res_partner WHERE id IN ({created}, {savedId})"));
    }

    [Fact]
    public async Task A_missing_required_field_is_a_ValidationError_and_writes_nothing()
    {
        await using var sim = await fixture.StartAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);
        var before = await fixture.ScalarAsync<long>(sim, "SELECT count(*) FROM sale_order");

        var error = OdooTestClient.Error(await client.CallAsync("sale.order", "create", [new JsonObject { ["note"] = "no customer" }]));

        Assert.Equal("odoo.exceptions.ValidationError", error["data"]!["name"]!.GetValue<string>());
        Assert.Contains("Field: Customer (partner_id)", error["data"]!["message"]!.GetValue<string>());
        Assert.Equal(before, await fixture.ScalarAsync<long>(sim, "SELECT count(*) FROM sale_order"));
    }

    [Fact]
    public async Task Name_search_read_group_and_fields_get_answer_Odoo_shapes()
    {
        var sim = await fixture.SharedAsync();
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        var names = (await client.KwAsync("product.product", "name_search", [], new JsonObject { ["name"] = "desk", ["limit"] = 10 })).AsArray();
        var groups = (await client.KwAsync("res.partner", "web_read_group", [], new JsonObject
        {
            ["domain"] = new JsonArray(new JsonArray("is_company", "=", true)), ["fields"] = new JsonArray(), ["groupby"] = new JsonArray("supplier_rank"), ["lazy"] = true,
        })).AsObject();
        var fields = (await client.KwAsync("sale.order", "fields_get", [], new JsonObject { ["attributes"] = new JsonArray("type", "relation", "selection") })).AsObject();

        Assert.All(names, n => Assert.Contains("Desk", n![1]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(3, names.Count);
        Assert.Equal(2, groups["length"]!.GetValue<int>());
        var customers = groups["groups"]!.AsArray().Single(g => g!["supplier_rank"]!.GetValue<int>() == 0)!;
        Assert.Equal(13, customers["supplier_rank_count"]!.GetValue<int>());
        Assert.Equal(new JsonArray("&", new JsonArray("is_company", "=", true), new JsonArray("supplier_rank", "=", 0)).ToJsonString(), customers["__domain"]!.ToJsonString());
        Assert.Equal("res.partner", fields["partner_id"]!["relation"]!.GetValue<string>());
        Assert.Equal("many2one", fields["partner_id"]!["type"]!.GetValue<string>());
        Assert.Equal("sale", fields["state"]!["selection"]![2]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Odoo_16_reads_lists_by_field_names_and_has_no_web_save()
    {
        await using var sim = await fixture.StartAsync("16.0");
        using var client = new OdooTestClient(sim.BaseUrl);
        await client.AuthenticateAsync(sim.DatabaseName);

        var page = (await client.KwAsync("res.partner", "web_search_read", [], new JsonObject
        {
            ["domain"] = new JsonArray(new JsonArray("name", "=", "Deco Addict")), ["fields"] = new JsonArray("name", "company_id"),
        })).AsObject();
        var webSave = OdooTestClient.Error(await client.CallAsync("res.partner", "web_save", [new JsonArray(), new JsonObject(), new JsonObject()]));

        Assert.Equal(1, page["length"]!.GetValue<int>());
        Assert.Equal(new JsonArray(1, "YourCompany").ToJsonString(), page["records"]![0]!["company_id"]!.ToJsonString());
        Assert.Equal("builtins.AttributeError", webSave["data"]!["name"]!.GetValue<string>());
    }
}
