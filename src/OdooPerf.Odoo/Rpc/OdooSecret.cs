using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// A password or API key, held in memory only. It prints as <c>***</c>, serialises to JSON as <c>"***"</c> and cannot be
/// read back from JSON; only this assembly sees the value (to send it to Odoo and to scrub it from server messages).
/// </summary>
[JsonConverter(typeof(OdooSecretJsonConverter))]
public sealed class OdooSecret
{
    /// <summary>What every formatting of a secret prints.</summary>
    public const string Mask = "***";

    private readonly string _value;

    public OdooSecret(string value, OdooSecretKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
        Kind = kind;
    }

    public OdooSecretKind Kind { get; }

    /// <summary>Its length in characters (output filters skip secrets too short to find without masking ordinary words).</summary>
    public int Length => _value.Length;

    /// <summary>The secret itself, for the request that carries it and nothing else.</summary>
    internal string Reveal() => _value;

    /// <summary>
    /// The text with every occurrence of the secret replaced by <see cref="Mask"/>, as it is and as JSON escapes it (a
    /// server message may quote the request body).
    /// </summary>
    public string Redact(string text)
    {
        text = text.Replace(_value, Mask, StringComparison.Ordinal);
        var escaped = JsonEncodedText.Encode(_value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        var strictlyEscaped = JsonEncodedText.Encode(_value).Value;
        text = escaped == _value ? text : text.Replace(escaped, Mask, StringComparison.Ordinal);
        return strictlyEscaped == _value || strictlyEscaped == escaped ? text : text.Replace(strictlyEscaped, Mask, StringComparison.Ordinal);
    }

    public override string ToString() => Mask;
}
