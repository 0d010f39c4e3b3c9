using System.Text;

namespace OdooPerf.Odoo.Rpc;

/// <summary>Server text made fit for an exception: secret masked, control characters out, length bounded.</summary>
internal static class OdooText
{
    public static string OneLine(string? text, int maxLength, OdooCredentials credentials) => Clean(text, maxLength, credentials, keepNewlines: false);

    public static string MultiLine(string? text, int maxLength, OdooCredentials credentials) => Clean(text, maxLength, credentials, keepNewlines: true);

    public static string Snippet(ReadOnlySpan<byte> body, int maxLength, OdooCredentials credentials)
    {
        var take = body[..Math.Min(body.Length, maxLength * 4)];
        return OneLine(Encoding.UTF8.GetString(take), maxLength, credentials);
    }

    private static string Clean(string? text, int maxLength, OdooCredentials credentials, bool keepNewlines)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Mask before cutting, so a cut cannot leave half a secret behind.
        text = credentials.Redact(text);
        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

            if (keepNewlines && c == '\n')
            {
                builder.Append(c);
                lastWasSpace = false;
            }
            else if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
            }
            else
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }

        return keepNewlines ? builder.ToString() : builder.ToString().Trim();
    }
}
