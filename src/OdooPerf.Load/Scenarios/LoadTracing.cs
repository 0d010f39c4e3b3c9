using System.Diagnostics;

namespace OdooPerf.Load.Scenarios;

/// <summary>
/// The engine's OpenTelemetry source: one activity per step (<c>step NAME</c>, tagged with scenario, user and outcome),
/// so a trace backend shows a load-test request next to the server-side spans it caused. Without a listener (no
/// exporter configured) starting an activity costs a null check.
/// </summary>
public static class LoadTracing
{
    public const string SourceName = "OdooPerf.Load";

    public static ActivitySource Source { get; } = new(SourceName);
}
