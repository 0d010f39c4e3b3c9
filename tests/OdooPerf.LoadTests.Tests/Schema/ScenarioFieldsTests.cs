using System.Text.Json;
using OdooPerf.LoadTests.Schema;
using OdooPerf.Odoo.Schema;
using Xunit;

namespace OdooPerf.LoadTests.Tests.Schema;

/// <summary>Resolving what a scenario sends against a server's fields_get: renames, optional fields, relations, and every gap named once.</summary>
public sealed class ScenarioFieldsTests
{
    // A 19-like server: the order line's unit and taxes renamed, the partner without mobile, the picking's moves as move_ids.
    private static OdooSchema Server19()
    {
        var schema = new OdooSchema();
        Add(schema, "sale.order", """{"name": {"type": "char"}, "partner_id": {"type": "many2one", "relation": "res.partner"}, "order_line": {"type": "one2many", "relation": "sale.order.line"}}""");
        Add(schema, "sale.order.line", """{"name": {"type": "text"}, "product_uom_qty": {"type": "float"}, "product_uom_id": {"type": "many2one", "relation": "uom.uom"}, "tax_ids": {"type": "many2many", "relation": "account.tax"}}""");
        Add(schema, "res.partner", """{"name": {"type": "char"}, "display_name": {"type": "char"}, "phone": {"type": "char"}, "complete_name": {"type": "char"}}""");
        Add(schema, "stock.picking", """{"name": {"type": "char"}, "move_ids": {"type": "one2many", "relation": "stock.move"}, "move_ids_without_package": {"type": "one2many", "relation": "stock.move"}}""");
        return schema;
    }

    private static void Add(OdooSchema schema, string model, string fieldsGet)
    {
        using var json = JsonDocument.Parse(fieldsGet);
        schema.AddFieldsGet(model, json.RootElement.Clone());
    }

    [Fact]
    public void A_renamed_field_is_sent_under_the_servers_name_and_an_optional_absent_one_is_left_out()
    {
        var server = new ServerFields(Server19());
        var fields = server.For("quote-to-cash");

        var spec = fields.Spec("sale.order", s => s.Fields("name", "mobile?")
            .Field("partner_id", p => p.Fields("display_name"))
            .Field("order_line", l => l.Fields("name", "product_uom_qty").Field("product_uom", u => u.Fields("display_name")).Field("tax_id", t => t.Fields("display_name"))));

        Assert.Equal(
            """{"name":{},"partner_id":{"fields":{"display_name":{}}},"order_line":{"fields":{"name":{},"product_uom_qty":{},"product_uom_id":{"fields":{"display_name":{}}},"tax_ids":{"fields":{"display_name":{}}}}}}""",
            spec.ToString());
        Assert.Null(fields.Optional("res.partner", "mobile"));
        Assert.Empty(server.Missing());
    }

    [Fact]
    public void The_17_name_wins_where_the_server_still_has_it()
    {
        var fields = new ServerFields(Server19()).For("inventory");

        Assert.Equal("move_ids_without_package", fields.Name("stock.picking", "move_ids_without_package"));
        Assert.Equal("complete_name", fields.FirstOf("res.partner", "complete_name", "display_name"));
        Assert.Equal("display_name", fields.FirstOf("res.partner", "nickname", "display_name"));
    }

    [Fact]
    public void Every_missing_field_and_model_is_named_once_with_the_scenarios_that_need_it()
    {
        var server = new ServerFields(Server19());
        server.For("browse").Spec("res.partner", s => s.Fields("name", "vat", "ref"));
        server.For("crm").Name("res.partner", "vat");
        server.For("crm").Name("crm.lead", "partner_name");
        server.For("quote-to-cash").Name("sale.order", "client_order_ref");
        server.For("inventory").FirstOf("product.product", "is_storable", "detailed_type");

        Assert.Equal(
            [
                "field res.partner.vat (browse, crm)",
                "field res.partner.ref (browse)",
                "model crm.lead (crm)",
                "field sale.order.client_order_ref (quote-to-cash)",
                "model product.product (inventory)",
            ],
            server.Missing());
    }

    [Fact]
    public void A_missing_field_that_has_a_known_rename_says_which_names_were_looked_for()
    {
        var schema = new OdooSchema();
        Add(schema, "sale.order.line", """{"name": {"type": "text"}}""");
        var server = new ServerFields(schema);

        Assert.Equal("tax_id", server.For("browse").Name("sale.order.line", "tax_id"));

        Assert.Equal(["field sale.order.line.tax_id (nor tax_ids) (browse)"], server.Missing());
    }
}
