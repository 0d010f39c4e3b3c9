using System.Collections.Concurrent;

namespace OdooPerf.OdooSim;

/// <summary>
/// The simulator's counters, exact and thread-safe: requests by path, model call and status; logins;
/// errors; requests in flight; active sessions and sessions with a request in flight, each with its peak.
/// Session counters change only under the session store's lock, so their peaks are exact.
/// </summary>
public sealed class SimulatorStats
{
    private readonly ConcurrentDictionary<string, long> _byPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _byCall = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _byStatus = new();
    private readonly ConcurrentDictionary<string, long> _unknownFields = new(StringComparer.Ordinal);
    private long _total;
    private long _sessionsAuthenticated;
    private long _failedLogins;
    private long _errorResponses;
    private long _injectedErrors;
    private int _inFlight;
    private int _peakInFlight;
    private int _activeSessions;
    private int _peakActiveSessions;
    private int _sessionsInFlight;
    private int _peakSessionsInFlight;

    public long TotalRequests => Interlocked.Read(ref _total);

    public long SessionsAuthenticated => Interlocked.Read(ref _sessionsAuthenticated);

    public long FailedLogins => Interlocked.Read(ref _failedLogins);

    public long ErrorResponses => Interlocked.Read(ref _errorResponses);

    public long InjectedErrors => Interlocked.Read(ref _injectedErrors);

    public int InFlight => Volatile.Read(ref _inFlight);

    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    public int ActiveSessions => Volatile.Read(ref _activeSessions);

    public int PeakActiveSessions => Volatile.Read(ref _peakActiveSessions);

    public int SessionsInFlight => Volatile.Read(ref _sessionsInFlight);

    public int PeakSessionsInFlight => Volatile.Read(ref _peakSessionsInFlight);

    /// <summary>Requests by path (query string excluded).</summary>
    public long RequestsTo(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Calls of <c>model.method</c>, e.g. <c>sale.order.action_confirm</c>.</summary>
    public long Calls(string modelMethod) => _byCall.GetValueOrDefault(modelMethod);

    /// <summary>Peaks start again from the current values (e.g. after a warm-up).</summary>
    public void ResetPeaks()
    {
        Volatile.Write(ref _peakInFlight, InFlight);
        Volatile.Write(ref _peakActiveSessions, ActiveSessions);
        Volatile.Write(ref _peakSessionsInFlight, SessionsInFlight);
    }

    public SimulatorStatsSnapshot Snapshot() => new()
    {
        TotalRequests = TotalRequests,
        RequestsByPath = new SortedDictionary<string, long>(_byPath, StringComparer.Ordinal),
        CallsByModelMethod = new SortedDictionary<string, long>(_byCall, StringComparer.Ordinal),
        RequestsByStatus = new SortedDictionary<int, long>(_byStatus),
        SessionsAuthenticated = SessionsAuthenticated,
        FailedLogins = FailedLogins,
        ErrorResponses = ErrorResponses,
        InjectedErrors = InjectedErrors,
        InFlight = InFlight,
        PeakInFlight = PeakInFlight,
        ActiveSessions = ActiveSessions,
        PeakActiveSessions = PeakActiveSessions,
        SessionsInFlight = SessionsInFlight,
        PeakSessionsInFlight = PeakSessionsInFlight,
        UnknownFields = new SortedDictionary<string, long>(_unknownFields, StringComparer.Ordinal),
    };

    internal void RequestStarted() => RaisePeak(ref _peakInFlight, Interlocked.Increment(ref _inFlight));

    internal void RequestFinished() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Counted when the response is ready, just before its werkzeug line is queued.</summary>
    internal void RequestAnswered(string path, int status)
    {
        Interlocked.Increment(ref _total);
        _byPath.AddOrUpdate(path, 1, (_, n) => n + 1);
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
    }

    internal void ModelCalled(string model, string method) => _byCall.AddOrUpdate($"{model}.{method}", 1, (_, n) => n + 1);

    internal void UnknownFieldIgnored(string modelField) => _unknownFields.AddOrUpdate(modelField, 1, (_, n) => n + 1);

    internal void LoginFailed() => Interlocked.Increment(ref _failedLogins);

    internal void ErrorAnswered(bool injected)
    {
        Interlocked.Increment(ref _errorResponses);
        if (injected)
        {
            Interlocked.Increment(ref _injectedErrors);
        }
    }

    internal void SessionAuthenticated() => Interlocked.Increment(ref _sessionsAuthenticated);

    internal void ActiveSessionsChanged(int delta) => RaisePeak(ref _peakActiveSessions, Interlocked.Add(ref _activeSessions, delta));

    internal void SessionsInFlightChanged(int delta) => RaisePeak(ref _peakSessionsInFlight, Interlocked.Add(ref _sessionsInFlight, delta));

    private static void RaisePeak(ref int peak, int value)
    {
        int current;
        while ((current = Volatile.Read(ref peak)) < value && Interlocked.CompareExchange(ref peak, value, current) != current)
        {
        }
    }
}
