namespace OdooPerf.Odoo.Schema;

/// <summary>
/// A field that an Odoo release names differently from Odoo 17 (the names the load scenarios are written in):
/// <paramref name="Field"/> on <paramref name="Model"/> is <paramref name="Name"/> in <paramref name="Version"/>
/// (from that release on for a newer version, up to it for an older one), as <paramref name="Source"/> of that
/// release's tree shows.
/// </summary>
public sealed record OdooFieldRename(int Version, string Model, string Field, string Name, string Source);
