using System.Security.Cryptography;

namespace OdooPerf.OdooSim.Sessions;

/// <summary>
/// Sessions by id, and the session counters: a session is active from its login until it is destroyed,
/// expired, or idle for longer than the idle timeout (it becomes active again with its next request).
/// Every change happens under one lock, so active counts and peaks are exact.
/// </summary>
internal sealed class SessionStore(SimulatorStats stats, TimeSpan idleTimeout, Func<DateTime> clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimSession> _sessions = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>A new session for a successful login; <paramref name="replaces"/> (the request's old session) is rotated away as Odoo does.</summary>
    public SimSession Create(int uid, string login, string database, string? replaces)
    {
        lock (_gate)
        {
            if (replaces is not null)
            {
                RemoveLocked(replaces);
            }

            var session = new SimSession
            {
                // 40 hex characters, like Odoo's session ids.
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
                Uid = uid,
                Login = login,
                Database = database,
                LastSeen = clock(),
                Active = true,
            };
            _sessions[session.Id] = session;
            stats.SessionAuthenticated();
            stats.ActiveSessionsChanged(+1);
            SweepLocked();
            return session;
        }
    }

    /// <summary>The live session of a cookie (touched and its request counted in flight), or null.</summary>
    public SimSession? BeginRequest(string? id)
    {
        if (id is null)
        {
            return null;
        }

        lock (_gate)
        {
            SweepLocked();
            if (!_sessions.TryGetValue(id, out var session))
            {
                return null;
            }

            session.LastSeen = clock();
            if (!session.Active)
            {
                session.Active = true;
                stats.ActiveSessionsChanged(+1);
            }

            if (session.RequestsInFlight++ == 0)
            {
                stats.SessionsInFlightChanged(+1);
            }

            return session;
        }
    }

    public void EndRequest(SimSession session)
    {
        lock (_gate)
        {
            session.LastSeen = clock();
            if (--session.RequestsInFlight == 0)
            {
                stats.SessionsInFlightChanged(-1);
            }
        }
    }

    /// <summary><c>/web/session/destroy</c>: the session is gone (its request in flight still ends normally).</summary>
    public void Destroy(string id)
    {
        lock (_gate)
        {
            RemoveLocked(id);
        }
    }

    /// <summary>Every session ends now: the next call with any cookie gets SessionExpiredException.</summary>
    public int ExpireAll()
    {
        lock (_gate)
        {
            var count = _sessions.Count;
            foreach (var id in _sessions.Keys.ToList())
            {
                RemoveLocked(id);
            }

            return count;
        }
    }

    /// <summary>Ends the activity of sessions idle for longer than the idle timeout (run periodically, and on every request).</summary>
    public void Sweep()
    {
        lock (_gate)
        {
            SweepLocked();
        }
    }

    private void RemoveLocked(string id)
    {
        if (_sessions.Remove(id, out var session) && session.Active)
        {
            session.Active = false;
            stats.ActiveSessionsChanged(-1);
        }
    }

    private void SweepLocked()
    {
        var limit = clock() - idleTimeout;
        foreach (var session in _sessions.Values)
        {
            if (session.Active && session.RequestsInFlight == 0 && session.LastSeen < limit)
            {
                session.Active = false;
                stats.ActiveSessionsChanged(-1);
            }
        }
    }
}
