namespace OdooPerf.Odoo.Logs;

/// <summary>A slice of a line buffer, kept as offsets so a parsed line can outlive the span it was parsed from.</summary>
internal readonly record struct ByteRange(int Start, int Length)
{
    public static ByteRange FromBounds(int start, int end) => new(start, end - start);

    public int End => Start + Length;

    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> buffer) => buffer.Slice(Start, Length);
}
