namespace OdooPerf.Odoo.Logs;

/// <summary>The request part of a werkzeug line, as offsets into the line buffer (see <see cref="OdooHttpRequest"/>).</summary>
internal struct WerkzeugRequestFields
{
    public ByteRange Address;
    public ByteRange Method;
    public ByteRange Path;
    public int Status;
    public bool HasPerformance;
    public int SqlQueries;
    public double SqlSeconds;
    public double RemainingSeconds;
    public ByteRange CursorMode;
}
