using OdooPerf.Odoo.Rpc;
using OdooPerf.Odoo.Schema;

namespace OdooPerf.LoadTests.Schema;

/// <summary>
/// One scenario's questions to the server's schema, asked once per run by the preflight: which name a field has here,
/// whether an optional one exists, and the specifications its steps send, built from the fields the server has.
/// A required field or model the server lacks is noted (under this scenario's name) and a placeholder returned, so
/// the scenario finishes building and every gap is known at once.
/// </summary>
internal sealed class ScenarioFields(ServerFields server, string scenario)
{
    /// <summary>The name of a field the scenario cannot do without; noted as missing when the server has no such field.</summary>
    public string Name(string model, string field)
    {
        if (server.Resolve(model, field) is { } name)
        {
            return name;
        }

        NoteMissing(model, field);
        return field;
    }

    /// <summary>Fields the scenario filters on or writes under their 17 names (a domain, a value): each noted as missing when absent.</summary>
    public void Require(string model, params string[] fields)
    {
        foreach (var field in fields)
        {
            Name(model, field);
        }
    }

    /// <summary>The name of a field the scenario uses when the server has it (<c>res.partner.mobile</c>, gone in 19); null otherwise.</summary>
    public string? Optional(string model, string field) => server.Resolve(model, field);

    /// <summary>
    /// The first of <paramref name="fields"/> the server has, for a capability two releases model differently
    /// (storable products: <c>is_storable</c> from 18, <c>detailed_type</c> before); noted as missing when it has none.
    /// </summary>
    public string FirstOf(string model, params string[] fields)
    {
        foreach (var field in fields)
        {
            if (server.Resolve(model, field) is { } name)
            {
                return name;
            }
        }

        NoteMissing(model, string.Join(" or ", fields));
        return fields[0];
    }

    /// <summary>A specification of <paramref name="model"/>'s fields: names ending in <c>?</c> are optional, the others required.</summary>
    public OdooSpecification Spec(string model, Action<SpecificationBuilder> build)
    {
        var specification = new OdooSpecification();
        build(new SpecificationBuilder(this, model, specification));
        return specification;
    }

    internal OdooField? Field(string model, string name) =>
        server.Schema.TryGetField(model, name, out var field) ? field : null;

    internal bool KnowsModel(string model) => server.Schema.HasModel(model);

    private void NoteMissing(string model, string field)
    {
        if (!server.Schema.HasModel(model))
        {
            server.NoteMissing(scenario, $"model {model}");
            return;
        }

        var renamed = OdooFieldRenames.Alternatives(model, field).ToArray();
        server.NoteMissing(scenario, renamed.Length == 0
            ? $"field {model}.{field}"
            : $"field {model}.{field} (nor {string.Join(", ", renamed)})");
    }
}
