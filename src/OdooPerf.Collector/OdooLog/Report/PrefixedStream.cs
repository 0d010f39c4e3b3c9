namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>A read-only stream that returns <c>prefix</c> and then the rest of <c>inner</c>: how bytes read to sniff
/// a format are given back on a stream that cannot seek (standard input).</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner) : ReadOnlyStream(inner)
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return Inner.Read(buffer);
    }
}
