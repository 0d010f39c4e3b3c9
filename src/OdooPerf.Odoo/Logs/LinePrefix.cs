namespace OdooPerf.Odoo.Logs;

/// <summary>What came in front of the Odoo text on one line (see <see cref="LinePrefixStripper"/>).</summary>
/// <param name="Length">Bytes to skip; 0 when the line has no recognised prefix.</param>
/// <param name="Kind">Which family of prefix.</param>
/// <param name="Source">For <see cref="LinePrefixKind.Syslog"/>: <c>host tag:</c>, the writer of the line (empty when the
/// word after the host is no tag, as with Odoo's own <c>--syslog</c> lines). Empty for the other kinds.</param>
/// <param name="Time">The time the prefix carries.</param>
internal readonly record struct LinePrefix(int Length, LinePrefixKind Kind, ByteRange Source, LinePrefixTime Time);

internal enum LinePrefixKind : byte
{
    None = 0,

    /// <summary><c>docker logs -t</c> or a CRI log file: every line of the container, one writer.</summary>
    Container,

    /// <summary>journald short output or a syslog file: lines of every program on the host, told apart by their tag.</summary>
    Syslog,
}
