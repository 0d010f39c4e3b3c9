namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>
/// Turns a logged request path into a path pattern that groups requests to the same endpoint: the query
/// string and Odoo 19's <c>#model.method</c> suffix are dropped, and segments that identify a record rather
/// than an endpoint become placeholders: <c>:id</c> (all digits), <c>:slug</c> (a website slug ending in
/// <c>-42</c>), <c>:hash</c> (an asset version such as <c>1a2b3c4</c> or <c>12-ab34cd5</c>).
/// </summary>
internal static class PathNormalizer
{
    /// <summary>Longer patterns are cut here (a path is a key, not a document).</summary>
    public const int MaxLength = 160;

    private static readonly byte[] Id = ":id"u8.ToArray();
    private static readonly byte[] Slug = ":slug"u8.ToArray();
    private static readonly byte[] Hash = ":hash"u8.ToArray();
    private static readonly System.Buffers.SearchValues<byte> HexOrDash = System.Buffers.SearchValues.Create("0123456789abcdef-"u8);

    /// <summary>Writes the pattern of <paramref name="path"/> into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes) and returns its length.</summary>
    public static int Normalize(ReadOnlySpan<byte> path, Span<byte> destination)
    {
        var end = path.IndexOfAny((byte)'?', (byte)'#');
        if (end >= 0)
        {
            path = path[..end];
        }

        if (path.Length > MaxLength)
        {
            path = path[..MaxLength];
        }

        // Most paths have no digit at all (/web/dataset/call_kw/res.partner/read): copied as they are.
        if (!path.ContainsAnyInRange((byte)'0', (byte)'9'))
        {
            path.CopyTo(destination);
            return path.Length;
        }

        var written = 0;
        var previous = ReadOnlySpan<byte>.Empty;
        while (true)
        {
            var slash = path.IndexOf((byte)'/');
            var segment = slash < 0 ? path : path[..slash];

            // /xmlrpc/2/object: the 2 is the API version, not a record.
            ReadOnlySpan<byte> output = previous.SequenceEqual("xmlrpc"u8) ? segment : Classify(segment) switch
            {
                Segment.Id => Id,
                Segment.Slug => Slug,
                Segment.Hash => Hash,
                _ => segment,
            };
            var length = Math.Min(output.Length, MaxLength - written);
            output[..length].CopyTo(destination[written..]);
            written += length;
            if (slash < 0 || written >= MaxLength)
            {
                return written;
            }

            destination[written++] = (byte)'/';
            previous = segment;
            path = path[(slash + 1)..];
        }
    }

    /// <summary>Removes the query string (which can carry access tokens) and keeps the rest as logged.</summary>
    public static ReadOnlySpan<byte> WithoutQuery(ReadOnlySpan<byte> path)
    {
        var end = path.IndexOf((byte)'?');
        return end >= 0 ? path[..end] : path;
    }

    private enum Segment
    {
        Literal,
        Id,
        Slug,
        Hash,
    }

    private static Segment Classify(ReadOnlySpan<byte> segment)
    {
        if (segment.IsEmpty || !segment.ContainsAnyInRange((byte)'0', (byte)'9'))
        {
            return Segment.Literal;
        }

        if (!segment.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return Segment.Id;
        }

        if (segment.Length >= 7 && !segment.ContainsAnyExcept(HexOrDash) && segment.ContainsAnyInRange((byte)'a', (byte)'f'))
        {
            return Segment.Hash;
        }

        // A website slug: words, a dash, the record id ("acme-corporation-42").
        var lastDash = segment.LastIndexOf((byte)'-');
        if (lastDash > 0 && lastDash < segment.Length - 1 && IsDigits(segment[(lastDash + 1)..]))
        {
            return Segment.Slug;
        }

        return Segment.Literal;
    }

    private static bool IsDigits(ReadOnlySpan<byte> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');
}
