using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OdooPerf.Load.Tests.Running;

/// <summary>
/// A Kestrel server on 127.0.0.1 (a port the kernel picks) that the engine tests load: every request waits
/// <see cref="ServiceTime"/> (never less: the wait is checked against the stopwatch), is held until the end of a stall
/// when it arrives during one, and answers <see cref="StatusCode"/>. It counts what a load test is judged on, from the
/// server's side: requests, their arrival times, and how many were in flight at every moment. Times are
/// <see cref="Stopwatch"/> timestamps, the clock the load runner uses too.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _lock = new();
    private readonly List<long> _arrivals = [];
    private readonly List<(long Timestamp, int Level)> _levels = [];
    private int _inFlight;
    private int _maxInFlight;
    private long _serviceTicks;
    private int _statusCode = 200;

    private TestServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base address, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The stopwatch timestamp the server started at; stall cycles count from it.</summary>
    public long StartedAt { get; private set; }

    /// <summary>How long every request is served for (after any stall); may be changed while requests arrive.</summary>
    public TimeSpan ServiceTime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _serviceTicks));
        set => Interlocked.Exchange(ref _serviceTicks, value.Ticks);
    }

    /// <summary>The status of every answer; may be changed while requests arrive.</summary>
    public int StatusCode
    {
        get => Volatile.Read(ref _statusCode);
        set => Volatile.Write(ref _statusCode, value);
    }

    /// <summary>When above zero, every n-th request (counting from 1) is answered 500 instead.</summary>
    public int FailEvery { get; init; }

    /// <summary>
    /// Stalls: from <see cref="StallOffset"/> after the server's start and then every <see cref="StallCycle"/>, for
    /// <see cref="StallLength"/>, every arriving request is held until the stall ends. No stalls when the cycle is zero.
    /// </summary>
    public TimeSpan StallCycle { get; init; }

    public TimeSpan StallLength { get; init; }

    public TimeSpan StallOffset { get; init; }

    public long Requests
    {
        get
        {
            lock (_lock)
            {
                return _arrivals.Count;
            }
        }
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests the server ever had in flight at once.</summary>
    public int MaxInFlight
    {
        get
        {
            lock (_lock)
            {
                return _maxInFlight;
            }
        }
    }

    /// <summary>Every request's arrival, as a stopwatch timestamp, in order.</summary>
    public IReadOnlyList<long> Arrivals
    {
        get
        {
            lock (_lock)
            {
                return _arrivals.ToArray();
            }
        }
    }

    public static async Task<TestServer> StartAsync(TimeSpan serviceTime = default, TimeSpan stallCycle = default,
        TimeSpan stallLength = default, TimeSpan stallOffset = default, int failEvery = 0)
    {
        // No configuration reload: a file watcher per test server would only cost inotify instances.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var server = new TestServer(app)
        {
            StallCycle = stallCycle,
            StallLength = stallLength,
            StallOffset = stallOffset,
            ServiceTime = serviceTime,
            FailEvery = failEvery,
        };
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.StartedAt = Stopwatch.GetTimestamp();
        // Kestrel reports the port it was given for port 0.
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Address = new Uri(bound.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>
    /// The share (0 to 1) of the time between <paramref name="from"/> and <paramref name="to"/> (stopwatch timestamps)
    /// during which exactly <paramref name="level"/> requests were in flight.
    /// </summary>
    public double TimeShareAt(int level, long from, long to)
    {
        var held = HeldPerLevel(from, to);
        var total = held.Values.Sum();
        return total == 0 ? 0 : (double)held.GetValueOrDefault(level) / total;
    }

    /// <summary>The number of requests in flight that lasted longest between two stopwatch timestamps.</summary>
    public int LevelHeldLongest(long from, long to) =>
        HeldPerLevel(from, to).OrderByDescending(p => p.Value).Select(p => p.Key).FirstOrDefault();

    /// <summary>The most requests in flight at once between two stopwatch timestamps.</summary>
    public int MaxLevel(long from, long to) => HeldPerLevel(from, to).Where(p => p.Value > 0).Select(p => p.Key).DefaultIfEmpty(0).Max();

    public async ValueTask DisposeAsync()
    {
        // Requests still held (a stall, a long service time) end now, so stopping does not wait for them.
        await _shutdown.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _shutdown.Dispose();
    }

    // Time (in stopwatch ticks) spent at each in-flight level within the window.
    private Dictionary<int, long> HeldPerLevel(long from, long to)
    {
        (long Timestamp, int Level)[] levels;
        lock (_lock)
        {
            levels = _levels.ToArray();
        }

        var held = new Dictionary<int, long>();
        var level = 0;
        var since = from;
        foreach (var (timestamp, next) in levels)
        {
            if (timestamp > from)
            {
                var until = Math.Min(timestamp, to);
                if (until > since)
                {
                    held[level] = held.GetValueOrDefault(level) + (until - since);
                }

                since = Math.Max(since, until);
            }

            if (timestamp >= to)
            {
                break;
            }

            level = next;
        }

        if (to > since)
        {
            held[level] = held.GetValueOrDefault(level) + (to - since);
        }

        return held;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        int number;
        lock (_lock)
        {
            _arrivals.Add(arrived);
            number = _arrivals.Count;
            var level = ++_inFlight;
            _maxInFlight = Math.Max(_maxInFlight, level);
            _levels.Add((arrived, level));
        }

        try
        {
            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _shutdown.Token);
            var serveFrom = StallEnd(arrived) ?? arrived;
            await WaitUntilAsync(serveFrom + (long)(ServiceTime.TotalSeconds * Stopwatch.Frequency), aborted.Token);
            context.Response.StatusCode = FailEvery > 0 && number % FailEvery == 0 ? 500 : StatusCode;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok", aborted.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the test is over.
        }
        finally
        {
            lock (_lock)
            {
                _levels.Add((Stopwatch.GetTimestamp(), --_inFlight));
            }
        }
    }

    // The end of the stall the arrival falls in, or null outside stalls.
    private long? StallEnd(long arrived)
    {
        if (StallCycle <= TimeSpan.Zero)
        {
            return null;
        }

        var sinceFirst = Stopwatch.GetElapsedTime(StartedAt, arrived) - StallOffset;
        if (sinceFirst < TimeSpan.Zero)
        {
            return null;
        }

        var cycleStart = TimeSpan.FromTicks(sinceFirst.Ticks / StallCycle.Ticks * StallCycle.Ticks);
        var intoCycle = sinceFirst - cycleStart;
        return intoCycle < StallLength ? arrived + (long)((StallLength - intoCycle).TotalSeconds * Stopwatch.Frequency) : null;
    }

    // Task.Delay may wake up to a timer tick early; the stopwatch has the last word, so a service time is a minimum.
    private static async Task WaitUntilAsync(long deadline, CancellationToken cancellation)
    {
        while (true)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(left < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : left, cancellation);
        }
    }
}
