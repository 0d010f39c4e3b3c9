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
    /// Secrets shorter than this are masked only where they stand quoted (<c>"pw"</c>): looked for bare, a short one
    /// is found inside ordinary words.
    /// </summary>
    public const int MinimumBareLength = 4;

    /// <summary>
    /// The text with the secret replaced by <see cref="Mask"/>, as it is and as JSON escapes it (a server message may
    /// quote the request body): wherever it stands quoted as a JSON string, and where it stands bare as a whole word
    /// when it is at least <see cref="MinimumBareLength"/> characters long. A password <c>admin</c> leaves
    /// "administrator" alone, a password <c>word</c> leaves "Wrong login or password" alone.
    /// </summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] forms =
        [
            _value,
            JsonEncodedText.Encode(_value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value,
            JsonEncodedText.Encode(_value).Value,
        ];
        foreach (var form in forms.Distinct(StringComparer.Ordinal))
        {
            text = text.Replace('"' + form + '"', '"' + Mask + '"', StringComparison.Ordinal);
            if (_value.Length >= MinimumBareLength)
            {
                text = ReplaceWholeWords(text, form);
            }
        }

        return text;
    }

    /// <summary>Whether the secret is <paramref name="text"/> (a password equal to the login).</summary>
    internal bool Is(string text) => string.Equals(_value, text, StringComparison.Ordinal);

    // An occurrence is a whole word when no letter or digit touches it on a side where the secret itself begins or
    // ends with one (as a regular expression's \b would see it).
    private static string ReplaceWholeWords(string text, string form)
    {
        var index = text.IndexOf(form, StringComparison.Ordinal);
        if (index < 0)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        while (index >= 0)
        {
            var end = index + form.Length;
            var whole = (!IsWordCharacter(form[0]) || index == 0 || !IsWordCharacter(text[index - 1]))
                && (!IsWordCharacter(form[^1]) || end == text.Length || !IsWordCharacter(text[end]));
            if (whole)
            {
                result.Append(text, copied, index - copied).Append(Mask);
                copied = end;
            }

            index = text.IndexOf(form, whole ? end : index + 1, StringComparison.Ordinal);
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

    public override string ToString() => Mask;
}
