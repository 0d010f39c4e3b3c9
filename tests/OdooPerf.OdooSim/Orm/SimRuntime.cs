namespace OdooPerf.OdooSim.Orm;

/// <summary>Simulator-wide settings the model methods consult (version, behaviour switches, clock).</summary>
internal sealed class SimRuntime
{
    public required OdooVersion Version { get; init; }

    /// <summary>Validating a delivery asks the <c>confirm.stock.sms</c> question first, as stock_sms does.</summary>
    public required bool StockSmsWizard { get; init; }

    /// <summary>The played version's field names, for the simulator's own code.</summary>
    public Catalog.SchemaVersion Schema => _schema ??= new Catalog.SchemaVersion(Version.Major);

    private Catalog.SchemaVersion? _schema;

    public Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;

    /// <summary>
    /// Unknown field names are errors (Odoo's ValueError) when true; otherwise reads answer False for them,
    /// writes drop them and domains ignore them, so scenarios written for a full Odoo run here too.
    /// </summary>
    public bool StrictFields { get; init; }

    /// <summary>True for a field Odoo's ValueError refuses: absent from the played version, or unknown when strict.</summary>
    public bool Refuses(ModelDef model, string name) => !model.Fields.ContainsKey(name) && (StrictFields || model.Absent.ContainsKey(name));

    /// <summary>Writes a WARNING line to the simulator's log (logger, message).</summary>
    public Action<string, string> LogWarning { get; init; } = (_, _) => { };

    private int _readGroupWarned;

    /// <summary>
    /// Odoo 19's <c>@api.deprecated</c> on <c>read_group</c> (odoo/orm/models.py) warns through <c>warnings.warn</c>, which
    /// <c>logging.captureWarnings</c> sends to the <c>py.warnings</c> logger (odoo/netsvc.py init_logger, showwarning_with_traceback)
    /// from the caller's location, <c>odoo/service/model.py</c> call_kw. The 'default' warnings filter shows a warning once per
    /// location and process, so a server logs it on the first RPC read_group only; so does the simulator (one process).
    /// </summary>
    public void ReadGroupDeprecated()
    {
        if (Interlocked.Exchange(ref _readGroupWarned, 1) == 0)
        {
            LogWarning("py.warnings", ReadGroupDeprecationMessage);
        }
    }

    public const string ReadGroupDeprecationText =
        "DeprecationWarning: Since 19.0, read_group is deprecated. Please use _read_group in the backend code or formatted_read_group for a complete formatted result";

    // warnings.formatwarning: "FILE:LINE: CATEGORY: MESSAGE\n  STACK" (the stack abbreviated to Odoo's own frames).
    private const string ReadGroupDeprecationMessage =
        "/opt/odoo/odoo/service/model.py:93: " + ReadGroupDeprecationText + "\n" +
        "  File \"/opt/odoo/odoo/http.py\", line 2802, in __call__\n    response = request._serve_db()\n" +
        "  File \"/opt/odoo/odoo/service/model.py\", line 93, in call_kw\n    result = method(recs, *args, **kwargs)";

    /// <summary>Told of every unknown field a lenient simulator let through (<c>model.field</c>).</summary>
    public Action<string> UnknownField { get; init; } = _ => { };

    /// <summary>
    /// The field, or null for an unknown one when lenient (recorded); Odoo's ValueError when strict, and always for a
    /// name another version has but the played one does not (<see cref="ModelDef.Absent"/>).
    /// </summary>
    public FieldDef? Resolve(ModelDef model, string name)
    {
        if (model.Fields.TryGetValue(name, out var field))
        {
            return field;
        }

        if (StrictFields || model.Absent.ContainsKey(name))
        {
            throw OdooException.ValueError($"Invalid field '{name}' on model '{model.Name}'");
        }

        UnknownField($"{model.Name}.{name}");
        return null;
    }
}
