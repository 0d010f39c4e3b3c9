using System.Buffers.Binary;
using System.IO.Compression;

namespace OdooPerf.Testing;

/// <summary>
/// A decoded PNG (8-bit RGB or RGBA, not interlaced: what Chromium writes for a screenshot), so tests can
/// look at what a browser rendered: the IDAT chunks are inflated with <see cref="ZLibStream"/> and each
/// scanline unfiltered (None, Sub, Up, Average, Paeth, as the PNG specification defines them).
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public static PngImage Load(string path) => Decode(File.ReadAllBytes(path));

    public static PngImage Decode(ReadOnlySpan<byte> png)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file");
        }

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        var position = Signature.Length;
        while (position + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[position..]);
            var type = png.Slice(position + 4, 4);
            var data = png.Slice(position + 8, length);
            if (type.SequenceEqual("IHDR"u8))
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                var bitDepth = data[8];
                var colourType = data[9];
                var interlace = data[12];
                channels = colourType switch
                {
                    2 => 3,
                    6 => 4,
                    _ => throw new InvalidDataException($"PNG colour type {colourType} is not supported (RGB and RGBA only)"),
                };
                if (bitDepth != 8 || interlace != 0)
                {
                    throw new InvalidDataException($"PNG with bit depth {bitDepth}, interlace {interlace} is not supported (8-bit, not interlaced only)");
                }
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                compressed.Write(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            position += 12 + length;
        }

        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException("PNG without a header");
        }

        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        compressed.Position = 0;
        using (var inflate = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            inflate.ReadExactly(raw);
        }

        var rgba = new byte[width * height * 4];
        var previous = new byte[stride];
        var current = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            raw.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(current);
            Unfilter(filter, current, previous, channels);
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                rgba[o] = current[x * channels];
                rgba[o + 1] = current[(x * channels) + 1];
                rgba[o + 2] = current[(x * channels) + 2];
                rgba[o + 3] = channels == 4 ? current[(x * channels) + 3] : (byte)255;
            }

            (previous, current) = (current, previous);
        }

        return new PngImage(width, height, rgba);
    }

    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        var o = ((y * Width) + x) * 4;
        return (_rgba[o], _rgba[o + 1], _rgba[o + 2]);
    }

    /// <summary>Pixels whose colour is within <paramref name="tolerance"/> of <paramref name="hex"/> (<c>#rrggbb</c>) on every channel.</summary>
    public int CountPixels(string hex, int tolerance = 6)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var value = Convert.ToInt32(hex.TrimStart('#'), 16);
        int r = (value >> 16) & 0xff, g = (value >> 8) & 0xff, b = value & 0xff;
        var count = 0;
        for (var o = 0; o < _rgba.Length; o += 4)
        {
            if (Math.Abs(_rgba[o] - r) <= tolerance && Math.Abs(_rgba[o + 1] - g) <= tolerance && Math.Abs(_rgba[o + 2] - b) <= tolerance)
            {
                count++;
            }
        }

        return count;
    }

    private static void Unfilter(byte filter, Span<byte> line, ReadOnlySpan<byte> above, int bpp)
    {
        switch (filter)
        {
            case 0:
                break;
            case 1:
                for (var i = bpp; i < line.Length; i++)
                {
                    line[i] += line[i - bpp];
                }

                break;
            case 2:
                for (var i = 0; i < line.Length; i++)
                {
                    line[i] += above[i];
                }

                break;
            case 3:
                for (var i = 0; i < line.Length; i++)
                {
                    var left = i >= bpp ? line[i - bpp] : 0;
                    line[i] += (byte)((left + above[i]) / 2);
                }

                break;
            case 4:
                for (var i = 0; i < line.Length; i++)
                {
                    var left = i >= bpp ? line[i - bpp] : 0;
                    var upLeft = i >= bpp ? above[i - bpp] : 0;
                    line[i] += Paeth(left, above[i], upLeft);
                }

                break;
            default:
                throw new InvalidDataException($"PNG filter type {filter} does not exist");
        }
    }

    private static byte Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
    }
}
