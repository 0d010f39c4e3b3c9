using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooPerf.Odoo.Rpc;

/// <summary>Writes an <see cref="OdooCall"/>'s arguments in each protocol's form.</summary>
internal static class CallWriter
{
    private const string ContextKey = "context";

    /// <summary><c>args</c> for call_kw and execute_kw: <c>[ids, ...args]</c>, or the args alone.</summary>
    public static void Args(Utf8JsonWriter writer, OdooCall call)
    {
        writer.WriteStartArray();
        if (call.Ids is not null)
        {
            JsonWrite.Ids(writer, call.Ids);
        }

        if (call.Args is not null)
        {
            foreach (var arg in call.Args)
            {
                JsonWrite.Node(writer, arg);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary><c>kwargs</c> with the merged context; <paramref name="alwaysContext"/> writes it even empty, as the web client does.</summary>
    public static void Kwargs(Utf8JsonWriter writer, OdooCall call, JsonElement userContext, bool alwaysContext)
    {
        writer.WriteStartObject();
        KwargsWithoutContext(writer, call.Kwargs);
        Context(writer, userContext, KwargsContext(call), call.Context, alwaysContext);
        writer.WriteEndObject();
    }

    /// <summary>JSON-2's body: <c>{ids, ...named args, ...kwargs, context}</c>.</summary>
    /// <exception cref="NotSupportedException">Positional arguments without names: JSON-2 has none.</exception>
    public static void Json2Body(Utf8JsonWriter writer, OdooCall call, JsonElement userContext)
    {
        writer.WriteStartObject();
        if (call.Ids is not null)
        {
            writer.WritePropertyName("ids");
            JsonWrite.Ids(writer, call.Ids);
        }

        if (call.Args is { Count: > 0 } args)
        {
            if (call.ArgNames is null || call.ArgNames.Count < args.Count)
            {
                throw new NotSupportedException(
                    $"{call.Model}.{call.Method}: JSON-2 takes named arguments only; give ArgNames for the positional Args, or pass Kwargs");
            }

            for (var i = 0; i < args.Count; i++)
            {
                writer.WritePropertyName(call.ArgNames[i]);
                JsonWrite.Node(writer, args[i]);
            }
        }

        KwargsWithoutContext(writer, call.Kwargs);
        Context(writer, userContext, KwargsContext(call), call.Context, always: false);
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>"context": {...}</c>: the user's context, under the kwargs' context, under the call's (later keys win, and each
    /// key is written once).
    /// </summary>
    public static void Context(Utf8JsonWriter writer, JsonElement user, JsonObject? kwargs, JsonObject? call, bool always, string name = ContextKey)
    {
        var hasUser = user.ValueKind == JsonValueKind.Object;
        if (!always && (!hasUser || !user.EnumerateObject().Any()) && (kwargs is null || kwargs.Count == 0) && (call is null || call.Count == 0))
        {
            return;
        }

        writer.WriteStartObject(name);
        if (hasUser)
        {
            foreach (var property in user.EnumerateObject())
            {
                if (kwargs?.ContainsKey(property.Name) != true && call?.ContainsKey(property.Name) != true)
                {
                    property.WriteTo(writer);
                }
            }
        }

        if (kwargs is not null)
        {
            foreach (var (key, value) in kwargs)
            {
                if (call?.ContainsKey(key) != true)
                {
                    writer.WritePropertyName(key);
                    JsonWrite.Node(writer, value);
                }
            }
        }

        if (call is not null)
        {
            foreach (var (key, value) in call)
            {
                writer.WritePropertyName(key);
                JsonWrite.Node(writer, value);
            }
        }

        writer.WriteEndObject();
    }

    private static void KwargsWithoutContext(Utf8JsonWriter writer, JsonObject? kwargs)
    {
        if (kwargs is null)
        {
            return;
        }

        foreach (var (key, value) in kwargs)
        {
            if (key != ContextKey)
            {
                writer.WritePropertyName(key);
                JsonWrite.Node(writer, value);
            }
        }
    }

    private static JsonObject? KwargsContext(OdooCall call) =>
        call.Kwargs is not null && call.Kwargs.TryGetPropertyValue(ContextKey, out var context) ? context as JsonObject : null;
}
