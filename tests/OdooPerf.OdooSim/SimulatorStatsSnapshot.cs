namespace OdooPerf.OdooSim;

/// <summary>The simulator's counters at one moment (what <c>GET /__sim/stats</c> answers).</summary>
public sealed record SimulatorStatsSnapshot
{
    /// <summary>HTTP requests answered (each has one werkzeug line in the log); /__sim/* is not counted.</summary>
    public required long TotalRequests { get; init; }

    /// <summary>Requests by path without the query string, e.g. <c>/web/dataset/call_kw/res.partner/web_search_read</c>.</summary>
    public required IReadOnlyDictionary<string, long> RequestsByPath { get; init; }

    /// <summary>Model calls by <c>model.method</c>, whatever the route (call_kw, call_button, /jsonrpc, JSON-2).</summary>
    public required IReadOnlyDictionary<string, long> CallsByModelMethod { get; init; }

    /// <summary>Responses by HTTP status.</summary>
    public required IReadOnlyDictionary<int, long> RequestsByStatus { get; init; }

    /// <summary>Sessions created by a successful login (every authenticate makes a new one).</summary>
    public required long SessionsAuthenticated { get; init; }

    public required long FailedLogins { get; init; }

    /// <summary>JSON-RPC / JSON-2 answers carrying an error, injected ones included.</summary>
    public required long ErrorResponses { get; init; }

    public required long InjectedErrors { get; init; }

    public required int InFlight { get; init; }

    public required int PeakInFlight { get; init; }

    /// <summary>Sessions from their login until destroyed, expired, or idle longer than the idle timeout.</summary>
    public required int ActiveSessions { get; init; }

    public required int PeakActiveSessions { get; init; }

    /// <summary>Sessions ("users") with at least one request in flight.</summary>
    public required int SessionsInFlight { get; init; }

    public required int PeakSessionsInFlight { get; init; }

    /// <summary>Fields the simulator does not have that calls used (<c>model.field</c> → times), let through because
    /// <see cref="OdooSimulatorOptions.StrictFields"/> is off: reads answered False, writes dropped, domain terms ignored.</summary>
    public required IReadOnlyDictionary<string, long> UnknownFields { get; init; }
}
