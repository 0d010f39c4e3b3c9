namespace OdooPerf.Odoo.Rpc;

/// <summary>
/// A well-formed answer that does not let the call go on: a login that returned no user id (two-factor authentication:
/// <c>mfa_required</c>), a JSON body that is not a JSON-RPC response (<c>invalid_response</c>).
/// </summary>
public sealed class OdooProtocolException : OdooException
{
    internal OdooProtocolException(string reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public override string Reason { get; }
}
