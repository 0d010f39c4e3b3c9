namespace OdooPerf.OdooSim.Orm;

/// <summary>Simulator-wide settings the model methods consult (version, behaviour switches, clock).</summary>
internal sealed class SimRuntime
{
    public required OdooVersion Version { get; init; }

    /// <summary>Validating a delivery asks the <c>confirm.stock.sms</c> question first, as stock_sms does.</summary>
    public required bool StockSmsWizard { get; init; }

    public Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;

    /// <summary>
    /// Unknown field names are errors (Odoo's ValueError) when true; otherwise reads answer False for them,
    /// writes drop them and domains ignore them, so scenarios written for a full Odoo run here too.
    /// </summary>
    public bool StrictFields { get; init; }

    /// <summary>Told of every unknown field a lenient simulator let through (<c>model.field</c>).</summary>
    public Action<string> UnknownField { get; init; } = _ => { };

    /// <summary>The field, or null for an unknown one when lenient (recorded); Odoo's ValueError when strict.</summary>
    public FieldDef? Resolve(ModelDef model, string name)
    {
        if (model.Fields.TryGetValue(name, out var field))
        {
            return field;
        }

        if (StrictFields)
        {
            throw OdooException.ValueError($"Invalid field '{name}' on model '{model.Name}'");
        }

        UnknownField($"{model.Name}.{name}");
        return null;
    }
}
