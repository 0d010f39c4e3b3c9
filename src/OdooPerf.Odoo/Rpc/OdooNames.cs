namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// Model and method names as Odoo allows them (<c>ir.model</c>'s <c>^[a-z0-9_.]+$</c>, a Python identifier): they go
/// into URL paths, so nothing else is sent.
/// </summary>
internal static class OdooNames
{
    private const int MaxLength = 128;

    public static void Check(string model, string method)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentException.ThrowIfNullOrEmpty(method);
        if (model.Length > MaxLength || !model.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.'))
        {
            throw new ArgumentException($"'{model}' is not an Odoo model name (lowercase letters, digits, '_' and '.')", nameof(model));
        }

        if (method.Length > MaxLength
            || !(char.IsAsciiLetter(method[0]) || method[0] == '_')
            || !method.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{method}' is not a method name (a Python identifier)", nameof(method));
        }
    }
}
