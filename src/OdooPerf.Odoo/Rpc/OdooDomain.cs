using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// An Odoo search domain in its wire form, <c>[["state", "=", "sale"], ["amount_total", "&gt;", 100]]</c> (terms side by
/// side are ANDed; <c>"|"</c>, <c>"&amp;"</c> and <c>"!"</c> are prefix operators). Immutable: every method returns a new
/// domain, so one can be shared by virtual users.
/// </summary>
public sealed class OdooDomain
{
    private static readonly JsonNode TrueLeft = JsonValue.Create(1);

    private readonly Term[] _terms;

    // The wire form, made once: an immutable element that any number of calls can write at the same time.
    private JsonDocument? _json;

    private OdooDomain(Term[] terms) => _terms = terms;

    /// <summary>Every record.</summary>
    public static OdooDomain Empty { get; } = new([]);

    public bool IsEmpty => _terms.Length == 0;

    /// <summary>One condition: <c>Where("state", "=", "sale")</c>.</summary>
    public static OdooDomain Where(string field, string op, JsonNode? value) => Empty.And(field, op, value);

    /// <summary><c>[field, "in", [ids...]]</c>.</summary>
    public static OdooDomain In(string field, IEnumerable<long> ids) => Empty.AndIn(field, ids);

    /// <summary>Either domain: <c>["|", ...a, ...b]</c> with each side normalised the way Odoo does (<c>expression.normalize_domain</c>).</summary>
    public static OdooDomain Or(OdooDomain left, OdooDomain right) => Combine("|", left, right);

    /// <summary>Both domains, with explicit <c>"&amp;"</c> so the result can itself be combined.</summary>
    public static OdooDomain And(OdooDomain left, OdooDomain right) => Combine("&", left, right);

    /// <summary>Reads a domain in its JSON form, as copied from a view or a log.</summary>
    /// <exception cref="FormatException">Not a JSON array of operators and three-element conditions.</exception>
    public static OdooDomain Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a domain: {e.Message}", e);
        }

        if (node is not JsonArray array)
        {
            throw new FormatException("not a domain: expected a JSON array");
        }

        var terms = new Term[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            terms[i] = array[i] switch
            {
                JsonValue value when value.TryGetValue<string>(out var op) && Arity(op) > 0 => new Term(op, null, null, null),
                JsonArray { Count: 3 } leaf when leaf[1] is JsonValue opNode && opNode.TryGetValue<string>(out var op) =>
                    new Term(null, leaf[0]?.DeepClone(), op, leaf[2]?.DeepClone()),
                _ => throw new FormatException($"not a domain: term {i} is neither an operator nor a [field, operator, value] condition"),
            };
        }

        return new OdooDomain(terms);
    }

    /// <summary>This domain and one more condition.</summary>
    public OdooDomain And(string field, string op, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentException.ThrowIfNullOrEmpty(op);
        return new OdooDomain([.. _terms, new Term(null, JsonValue.Create(field), op, value?.DeepClone())]);
    }

    /// <summary>This domain and <c>[field, "in", [ids...]]</c>.</summary>
    public OdooDomain AndIn(string field, IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = new JsonArray();
        foreach (var id in ids)
        {
            list.Add(id);
        }

        return And(field, "in", list);
    }

    /// <summary>A new JSON array holding this domain.</summary>
    public JsonArray ToJsonArray() => (JsonArray)JsonNode.Parse(ToString())!;

    /// <summary>The domain as compact JSON.</summary>
    public override string ToString()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonBody.Options))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>
    /// The domain for kwargs: a new node over an element parsed once. Each call gets its own node (a node over an element
    /// fills itself in on first use, which is not thread-safe); written out unread, it copies the element.
    /// </summary>
    internal JsonNode ToNode()
    {
        var json = _json ??= JsonDocument.Parse(ToString());
        return JsonArray.Create(json.RootElement)!;
    }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var term in _terms)
        {
            if (term.Operator is not null)
            {
                writer.WriteStringValue(term.Operator);
                continue;
            }

            writer.WriteStartArray();
            JsonWrite.Node(writer, term.Left);
            writer.WriteStringValue(term.Op);
            JsonWrite.Node(writer, term.Right);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    private static OdooDomain Combine(string op, OdooDomain left, OdooDomain right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new OdooDomain([new Term(op, null, null, null), .. left.Normalized(), .. right.Normalized()]);
    }

    // Odoo's normalize_domain: implicit ANDs made explicit, the empty domain as the TRUE leaf [1, "=", 1].
    private Term[] Normalized()
    {
        if (_terms.Length == 0)
        {
            return [new Term(null, TrueLeft, "=", TrueLeft)];
        }

        var result = new List<Term>(_terms.Length + 2);
        var expected = 1;
        foreach (var term in _terms)
        {
            if (expected == 0)
            {
                result.Insert(0, new Term("&", null, null, null));
                expected = 1;
            }

            expected += term.Operator is null ? -1 : Arity(term.Operator) - 1;
            result.Add(term);
        }

        if (expected != 0)
        {
            throw new InvalidOperationException($"domain {this} has operators without enough operands");
        }

        return [.. result];
    }

    private static int Arity(string op) => op switch
    {
        "!" => 1,
        "&" or "|" => 2,
        _ => 0,
    };

    // An operator when Operator is set, else a [Left, Op, Right] condition. Nodes are never attached to a parent,
    // so the same value can sit in many domains.
    private readonly record struct Term(string? Operator, JsonNode? Left, string? Op, JsonNode? Right);
}
