namespace OdooPerf.Odoo.Rpc;

/// <summary>What an <see cref="OdooSecret"/> is: it decides which protocols can use it.</summary>
public enum OdooSecretKind
{
    /// <summary>A user's password: web session login and <c>/jsonrpc</c>.</summary>
    Password,

    /// <summary>
    /// An API key (Preferences → Account Security): JSON-2's bearer token, and a password for <c>/jsonrpc</c>; Odoo refuses it
    /// for a web session login.
    /// </summary>
    ApiKey,
}
