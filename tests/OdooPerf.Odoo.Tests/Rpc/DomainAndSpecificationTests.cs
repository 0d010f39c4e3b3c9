using System.Text.Json.Nodes;
using OdooPerf.Odoo.Rpc;
using Xunit;
using static OdooPerf.Odoo.Tests.Rpc.RpcTest;

namespace OdooPerf.Odoo.Tests.Rpc;

public sealed class DomainAndSpecificationTests
{
    [Fact]
    public void Conditions_side_by_side_are_the_wire_form()
    {
        var domain = OdooDomain.Where("state", "=", "sale").And("amount_total", ">", 100).AndIn("partner_id", [3, 4]);

        JsonEqual("""[["state", "=", "sale"], ["amount_total", ">", 100], ["partner_id", "in", [3, 4]]]""", domain.ToJsonArray());
        Assert.Equal("""[["state","=","sale"],["amount_total",">",100],["partner_id","in",[3,4]]]""", domain.ToString());
        Assert.Equal("[]", OdooDomain.Empty.ToString());
    }

    [Fact]
    public void Or_normalises_each_side_as_odoo_does()
    {
        var either = OdooDomain.Or(OdooDomain.Where("a", "=", 1), OdooDomain.Where("b", "=", 2).And("c", "=", 3));

        JsonEqual("""["|", ["a", "=", 1], "&", ["b", "=", 2], ["c", "=", 3]]""", either.ToJsonArray());
        JsonEqual("""["&", [1, "=", 1], ["a", "=", 1]]""", OdooDomain.And(OdooDomain.Empty, OdooDomain.Where("a", "=", 1)).ToJsonArray());
    }

    [Fact]
    public void Domains_are_immutable_and_share_values_safely()
    {
        var ids = new JsonArray(1, 2);
        var base_ = OdooDomain.Where("id", "in", ids);
        var narrower = base_.And("active", "=", true).And("parent_id", "in", ids);

        Assert.Equal("""[["id","in",[1,2]]]""", base_.ToString());
        Assert.Equal("""[["id","in",[1,2]],["active","=",true],["parent_id","in",[1,2]]]""", narrower.ToString());
    }

    [Fact]
    public void Parse_reads_a_domain_and_refuses_what_is_not_one()
    {
        Assert.Equal("""["|",["state","=","draft"],["state","=","sent"]]""", OdooDomain.Parse("""["|", ["state", "=", "draft"], ["state", "=", "sent"]]""").ToString());
        Assert.Throws<FormatException>(() => OdooDomain.Parse("""{"state": "draft"}"""));
        Assert.Throws<FormatException>(() => OdooDomain.Parse("""[["state", "="]]"""));
        Assert.Throws<FormatException>(() => OdooDomain.Parse("""["~"]"""));
        Assert.Throws<FormatException>(() => OdooDomain.Parse("[["));
    }

    [Fact]
    public void A_specification_nests_fields_limits_and_contexts()
    {
        var spec = new OdooSpecification()
            .Field("name")
            .Field("partner_id", p => p.Field("display_name"))
            .Field("order_line", l => l.Field("product_id", p => p.Field("display_name")).Field("product_uom_qty"), limit: 40, order: "sequence", context: new JsonObject { ["active_test"] = false });

        JsonEqual(
            """
            {"name": {}, "partner_id": {"fields": {"display_name": {}}},
             "order_line": {"fields": {"product_id": {"fields": {"display_name": {}}}, "product_uom_qty": {}},
                            "limit": 40, "order": "sequence", "context": {"active_test": false}}}
            """,
            spec.ToJsonObject());
        Assert.Equal(["name", "partner_id", "order_line"], spec.FieldNames);
    }

    [Fact]
    public void The_active_context_names_the_records_a_wizard_works_on()
    {
        JsonEqual("""{"active_model": "sale.order", "active_id": 5, "active_ids": [5, 6]}""", OdooContext.Active("sale.order", 5, 6));
    }

    [Theory]
    [InlineData("[17, 0, 0, \"final\", 0, \"\"]", 17, 0, false)]
    [InlineData("[\"saas~17\", 4, 0, \"final\", 0, \"\"]", 17, 4, true)]
    [InlineData("{\"server_version\": \"12.0\", \"server_version_info\": [12, 0, 0, \"final\", 0, \"\"]}", 12, 0, false)]
    public void Server_versions_are_read_from_version_info(string json, int major, int minor, bool saas)
    {
        var version = OdooServerVersion.FromVersionInfo(System.Text.Json.JsonDocument.Parse(json).RootElement);

        Assert.Equal(new OdooServerVersion(major, minor, saas), version);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[\"master\", 0]")]
    [InlineData("{}")]
    [InlineData("null")]
    public void Unreadable_versions_are_null(string json) =>
        Assert.Null(OdooServerVersion.FromVersionInfo(System.Text.Json.JsonDocument.Parse(json).RootElement));
}
