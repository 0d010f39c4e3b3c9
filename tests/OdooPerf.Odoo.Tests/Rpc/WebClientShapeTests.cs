using System.Text.Json.Nodes;
using OdooPerf.Odoo.Rpc;
using Xunit;
using static OdooPerf.Odoo.Tests.Rpc.RpcTest;

namespace OdooPerf.Odoo.Tests.Rpc;

/// <summary>The helpers send what each version's web client sends.</summary>
public sealed class WebClientShapeTests
{
    private static readonly OdooSpecification PartnerSpec =
        new OdooSpecification().Field("name").Field("country_id", c => c.Field("display_name"));

    [Fact]
    public async Task Seventeen_lists_with_web_search_read_and_a_specification()
    {
        var request = await SingleCallAsync(17, c => c.WebSearchReadAsync("res.partner", OdooDomain.Where("is_company", "=", true), PartnerSpec, limit: 80, countLimit: 10001));

        Assert.Equal("/web/dataset/call_kw/res.partner/web_search_read", request.Path);
        JsonEqual(
            """
            {"model": "res.partner", "method": "web_search_read", "args": [],
             "kwargs": {"specification": {"name": {}, "country_id": {"fields": {"display_name": {}}}},
                        "domain": [["is_company", "=", true]], "offset": 0, "limit": 80, "count_limit": 10001,
                        "context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2}}}
            """,
            Params(request));
    }

    [Fact]
    public async Task Sixteen_lists_with_web_search_read_and_field_names()
    {
        var request = await SingleCallAsync(16, c => c.WebSearchReadAsync("res.partner", null, PartnerSpec, limit: 80));

        JsonEqual(
            """
            {"fields": ["name", "country_id"], "domain": [], "offset": 0, "limit": 80,
             "context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2}}
            """,
            Params(request)["kwargs"]);
        Assert.Equal("web_search_read", (string?)Params(request)["method"]);
    }

    [Fact]
    public async Task Thirteen_lists_with_search_read()
    {
        var request = await SingleCallAsync(13, c => c.WebSearchReadAsync("res.partner", null, PartnerSpec, limit: 80, countLimit: 100));

        Assert.Equal("/web/dataset/call_kw/res.partner/search_read", request.Path);
        Assert.False(Params(request)["kwargs"]!.AsObject().ContainsKey("count_limit"));
    }

    [Theory]
    [InlineData(17, "web_read", """{"specification": {"name": {}, "country_id": {"fields": {"display_name": {}}}}, "context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2}}""", "[[5]]")]
    [InlineData(16, "read", """{"context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2}}""", """[[5], ["name", "country_id"]]""")]
    public async Task A_form_reads_with_web_read_or_read(int version, string method, string kwargs, string args)
    {
        var request = await SingleCallAsync(version, c => c.WebReadAsync("res.partner", [5], PartnerSpec));

        Assert.Equal($"/web/dataset/call_kw/res.partner/{method}", request.Path);
        JsonEqual(args, Params(request)["args"]);
        JsonEqual(kwargs, Params(request)["kwargs"]);
    }

    [Fact]
    public async Task Seventeen_saves_with_web_save()
    {
        var request = await SingleCallAsync(17, c => c.WebSaveAsync("res.partner", [], new JsonObject { ["name"] = "New" }, OdooSpecification.Of("display_name")));

        JsonEqual(
            """
            {"model": "res.partner", "method": "web_save", "args": [[], {"name": "New"}],
             "kwargs": {"specification": {"display_name": {}}, "context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2}}}
            """,
            Params(request));
    }

    [Fact]
    public async Task Sixteen_saves_a_new_record_with_create_then_read()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.MajorVersion = 16;
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        server.OnCall = call => call.Method == "create" ? JsonValue.Create(9) : new JsonArray(new JsonObject { ["id"] = 9, ["display_name"] = "New" });
        await client.AuthenticateAsync();

        var response = await client.WebSaveAsync("res.partner", [], new JsonObject { ["name"] = "New" }, OdooSpecification.Of("display_name"));

        var requests = server.Requests.Skip(1).ToList();
        Assert.Equal(["/web/dataset/call_kw/res.partner/create", "/web/dataset/call_kw/res.partner/read"], requests.Select(r => r.Path));
        JsonEqual("""[{"name": "New"}]""", Params(requests[0])["args"]);
        JsonEqual("""[[9], ["display_name"]]""", Params(requests[1])["args"]);
        Assert.Equal((9L, 2, "create"), (response.GetId(), response.HttpRequests, response.Method));
    }

    [Fact]
    public async Task Name_search_is_the_16_to_18_autocompletion_with_its_args_argument()
    {
        var request = await SingleCallAsync(17, c => c.NameSearchAsync("res.partner", "Azu", OdooDomain.Where("customer_rank", ">", 0)));

        Assert.Equal("name_search", (string?)Params(request)["method"]);
        JsonEqual(
            """
            {"name": "Azu", "args": [["customer_rank", ">", 0]], "operator": "ilike", "limit": 8,
             "context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2}}
            """,
            Params(request)["kwargs"]);
    }

    [Fact]
    public async Task On_19_the_autocompletion_is_web_name_search_with_a_domain_and_a_display_name_specification()
    {
        var request = await SingleCallAsync(19, c => c.NameSearchAsync("res.partner", "Azu", OdooDomain.Where("customer_rank", ">", 0)));

        Assert.Equal("web_name_search", (string?)Params(request)["method"]);
        JsonEqual(
            """
            {"name": "Azu", "domain": [["customer_rank", ">", 0]], "operator": "ilike", "limit": 8, "specification": {"display_name": {}},
             "context": {"lang": "en_US", "tz": "Europe/Brussels", "uid": 2}}
            """,
            Params(request)["kwargs"]);
    }

    [Theory]
    [InlineData(18, "read_group", """{"domain": [], "fields": ["amount_residual:sum"], "groupby": ["partner_id", "date_maturity:month"], "offset": 0, "lazy": false}""")]
    [InlineData(19, "formatted_read_grouping_sets",
        """{"domain": [], "grouping_sets": [[], ["partner_id"], ["date_maturity:month"], ["partner_id", "date_maturity:month"]], "aggregates": ["amount_residual:sum"]}""")]
    public async Task A_pivot_reads_as_the_versions_pivot_view_does(int version, string method, string kwargs)
    {
        var request = await SingleCallAsync(version, c => c.PivotReadGroupAsync("account.move.line", null, ["partner_id"], ["date_maturity:month"], ["amount_residual:sum"]));

        Assert.Equal(method, (string?)Params(request)["method"]);
        var sent = Params(request)["kwargs"]!.AsObject();
        sent.Remove("context");
        JsonEqual(kwargs, sent);
    }

    [Theory]
    [InlineData(17, """{"domain": [], "groupby": ["stage_id"], "fields": ["expected_revenue:sum"], "offset": 0, "limit": 80, "orderby": "stage_id", "lazy": true}""")]
    [InlineData(19, """{"domain": [], "groupby": ["stage_id"], "aggregates": ["expected_revenue:sum"], "offset": 0, "limit": 80, "order": "stage_id"}""")]
    public async Task Web_read_group_takes_the_versions_arguments(int version, string kwargs)
    {
        var request = await SingleCallAsync(version, c => c.WebReadGroupAsync("crm.lead", null, ["stage_id"], ["expected_revenue:sum"], limit: 80, order: "stage_id"));

        var sent = Params(request)["kwargs"]!.AsObject();
        sent.Remove("context");
        JsonEqual(kwargs, sent);
    }

    [Fact]
    public async Task Read_group_and_search_count_keep_their_names_on_every_version()
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        await client.AuthenticateAsync();

        await client.ReadGroupAsync("account.move.line", OdooDomain.Where("parent_state", "=", "posted"), ["balance:sum"], ["account_id"], lazy: false);
        await client.SearchCountAsync("res.partner", OdooDomain.Where("active", "=", true));

        var requests = server.Requests;
        var readGroup = Params(requests[1])["kwargs"]!.AsObject();
        readGroup.Remove("context");
        JsonEqual("""{"domain": [["parent_state", "=", "posted"]], "fields": ["balance:sum"], "groupby": ["account_id"], "offset": 0, "lazy": false}""", readGroup);
        JsonEqual("""[[["active", "=", true]]]""", Params(requests[2])["args"]);
    }

    private static async Task<FakeRequest> SingleCallAsync(int version, Func<OdooClient, Task<OdooResponse>> call)
    {
        await using var server = await FakeOdooRpcServer.StartAsync();
        server.MajorVersion = version;
        server.OnCall = _ => new JsonObject { ["length"] = 0, ["records"] = new JsonArray() };
        using var http = server.NewUserClient();
        var client = new OdooClient(http, PasswordCredentials());
        await client.AuthenticateAsync();
        await call(client);
        return server.Requests.Skip(1).Single();
    }
}
