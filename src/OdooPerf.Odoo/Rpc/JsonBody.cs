using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OdooPerf.Odoo.Rpc;

/// <summary>A request body written straight to UTF-8.</summary>
internal static class JsonBody
{
    /// <summary>
    /// Non-ASCII text and characters such as <c>&gt;</c> as they are, like the browser's <c>JSON.stringify</c> sends them:
    /// the bodies are JSON for Odoo, never embedded in HTML, and their sizes match the web client's.
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ArrayBufferWriter<byte> Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using var writer = new Utf8JsonWriter(buffer, Options);
        write(writer);
        writer.Flush();
        return buffer;
    }
}
