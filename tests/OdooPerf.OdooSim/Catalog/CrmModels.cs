using OdooPerf.OdooSim.Orm;

namespace OdooPerf.OdooSim.Catalog;

/// <summary>Models of <c>crm</c>, Odoo 17 names.</summary>
internal static class CrmModels
{
    public static IEnumerable<ModelDef> All()
    {
        yield return new ModelBuilder("crm.stage", "crm_stage", "CRM Stages", "crm")
            .Order("sequence, name, id")
            .Char("name", "Stage Name", required: true)
            .Int("sequence", "Sequence")
            .Bool("is_won", "Is Won Stage?")
            .Bool("fold", "Folded in Pipeline")
            .Default("sequence", 1)
            .Default("is_won", false)
            .Default("fold", false)
            .Build();

        yield return new ModelBuilder("crm.lead", "crm_lead", "Lead/Opportunity", "crm")
            .Order("priority desc, id desc")
            .Char("name", "Opportunity", required: true)
            .Selection("type", "Type", ("lead", "Lead"), ("opportunity", "Opportunity"))
            .Selection("priority", "Priority", ("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Very High"))
            .Many2one("partner_id", "res.partner", "Customer")
            .Char("partner_name", "Company Name")
            .Char("contact_name", "Contact Name")
            .Char("email_from", "Email")
            .Char("phone", "Phone")
            .Many2one("stage_id", "crm.stage", "Stage")
            .Many2one("user_id", "res.users", "Salesperson")
            .Many2one("company_id", "res.company", "Company")
            .Money("expected_revenue", "Expected Revenue")
            .Float("probability", "Probability")
            .Date("date_deadline", "Expected Closing")
            .Datetime("date_closed", "Closed Date")
            .Html("description", "Notes")
            .Bool("active", "Active")
            .One2many("order_ids", "sale.order", "opportunity_id", "Orders")
            .Computed("quotation_count", FieldType.Integer, "Number of Quotations",
                "(SELECT count(*) FROM \"sale_order\" o WHERE o.\"opportunity_id\" = {0}.id AND o.\"state\" IN ('draft', 'sent'))")
            .Default("type", "lead")
            .Default("priority", "0")
            .Default("active", true)
            .Default("probability", 10.0)
            .Default("expected_revenue", 0.0)
            .Default("user_id", c => c.Uid)
            .Default("company_id", c => c.CompanyId)
            .Build();

        // The "Convert to Opportunity" dialog of the web client.
        yield return new ModelBuilder("crm.lead2opportunity.partner", "crm_lead2opportunity_partner", "Convert Lead to Opportunity (not in mass)", "crm")
            .Transient()
            .DisplayName("'crm.lead2opportunity.partner,' || {0}.id")
            .Selection("name", "Conversion Action", ("convert", "Convert to opportunity"), ("merge", "Merge with existing opportunities"))
            .Selection("action", "Related Customer", ("create", "Create a new customer"), ("exist", "Link to an existing customer"), ("nothing", "Do not link to a customer"))
            .Many2one("lead_id", "crm.lead", "Associated Lead", required: true, onDelete: "cascade")
            .Many2one("partner_id", "res.partner", "Customer")
            .Many2one("user_id", "res.users", "Salesperson")
            .Bool("force_assignment", "Force assignment")
            .Default("name", "convert")
            .Default("force_assignment", false)
            .Build();
    }
}
