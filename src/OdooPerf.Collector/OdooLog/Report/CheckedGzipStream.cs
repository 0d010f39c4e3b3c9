using System.Buffers.Binary;
using System.IO.Compression;

namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// Decompresses gzip and notices a file cut short, which <see cref="GZipStream"/> alone does not: at the end
/// it compares the size recorded in the gzip trailer (the last 4 bytes, the size modulo 2^32) with the bytes
/// it produced, and throws <see cref="InvalidDataException"/> when they differ. A log being rotated or copied
/// while it is read ends that way. (Several gzip files concatenated into one also fail this check: only the
/// last one's size is at the end.)
/// </summary>
internal sealed class CheckedGzipStream : ReadOnlyStream
{
    private readonly TailRecorder _compressed;
    private long _produced;
    private bool _checked;

    public CheckedGzipStream(Stream compressed)
        : this(new TailRecorder(compressed))
    {
    }

    private CheckedGzipStream(TailRecorder compressed)
        : base(new GZipStream(compressed, CompressionMode.Decompress))
    {
        _compressed = compressed;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        _produced += read;
        if (read == 0 && buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if (!_compressed.TrailerSize(out var size) || size != (uint)_produced)
            {
                throw new InvalidDataException("gzip data ends early: the file is truncated");
            }
        }

        return read;
    }

    /// <summary>Passes reads through and keeps the last 8 bytes: a gzip member's CRC-32 and size.</summary>
    private sealed class TailRecorder(Stream inner) : ReadOnlyStream(inner)
    {
        private readonly byte[] _tail = new byte[8];
        private long _total;

        public bool TrailerSize(out uint size)
        {
            size = BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4));
            return _total >= 18;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = Inner.Read(buffer);
            if (read >= _tail.Length)
            {
                buffer.Slice(read - _tail.Length, _tail.Length).CopyTo(_tail);
            }
            else if (read > 0)
            {
                // Shift what we had left and append the few new bytes.
                _tail.AsSpan(read).CopyTo(_tail);
                buffer[..read].CopyTo(_tail.AsSpan(_tail.Length - read));
            }

            _total += read;
            return read;
        }
    }
}
