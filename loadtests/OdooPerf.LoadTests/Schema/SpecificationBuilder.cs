using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Schema;

/// <summary>
/// Builds a step's <see cref="OdooSpecification"/> from the fields the server has: each name is resolved through
/// <see cref="ScenarioFields"/> (a known rename taken, an optional field left out when absent), and a relational
/// field's sub-fields are resolved on the model <c>fields_get</c> says it points to.
/// </summary>
internal sealed class SpecificationBuilder(ScenarioFields fields, string model, OdooSpecification specification)
{
    private const char OptionalMark = '?';

    /// <summary>Plain fields; <c>"mobile?"</c> is optional.</summary>
    public SpecificationBuilder Fields(params string[] names)
    {
        foreach (var name in names)
        {
            if (Resolve(name) is { } resolved)
            {
                specification.Field(resolved);
            }
        }

        return this;
    }

    /// <summary>A relational field with the fields read on the records it points to (<c>"partner_id"</c> → display name).</summary>
    public SpecificationBuilder Field(string name, Action<SpecificationBuilder> nested, int? limit = null, string? order = null)
    {
        if (Resolve(name) is not { } resolved)
        {
            return this;
        }

        if (!_displayOnly && fields.Field(model, resolved) is null)
        {
            // Missing, and already noted as such: nothing to read below it.
            return this;
        }

        var relation = _displayOnly ? null : fields.Field(model, resolved)!.Relation;
        specification.Field(resolved, sub =>
        {
            var builder = relation is not null && fields.KnowsModel(relation)
                ? new SpecificationBuilder(fields, relation, sub)
                : new SpecificationBuilder(fields, relation ?? model, sub) { _displayOnly = true };
            nested(builder);
        }, limit, order);
        return this;
    }

    // A relation the preflight did not read (a many2one shown by its name): only its display name can be asked for.
    private bool _displayOnly;

    private string? Resolve(string name)
    {
        var optional = name.EndsWith(OptionalMark);
        var field = optional ? name[..^1] : name;
        if (_displayOnly)
        {
            return field is "display_name" or "id"
                ? field
                : throw new InvalidOperationException($"the scenario reads {model}.{field}, but the preflight did not read {model}'s fields: list the model in the scenario's Models");
        }

        if (field is "id")
        {
            return field;
        }

        return optional ? fields.Optional(model, field) : fields.Name(model, field);
    }
}
