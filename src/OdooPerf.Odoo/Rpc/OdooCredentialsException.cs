namespace OdooPerf.Odoo.Rpc;

/// <summary>Credentials that could not be loaded. The message is one line, names the source and never holds the secret.</summary>
public sealed class OdooCredentialsException : Exception
{
    public OdooCredentialsException(string message)
        : base(message)
    {
    }

    public OdooCredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
