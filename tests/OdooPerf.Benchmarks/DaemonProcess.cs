using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OdooPerf.Benchmarks;

/// <summary>
/// A real <c>odooperf collect</c> process on a free loopback port, run as <c>dotnet odooperf.dll</c> so the
/// PID is the daemon's own (the muxer hosts the runtime in process) and /proc/PID/status is its memory.
/// Disposing kills it if <see cref="StopAsync"/> was not reached, so no path leaves it running.
/// </summary>
internal sealed class DaemonProcess : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private const int KeptOutputLines = 40;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private DaemonProcess(Process process, ConcurrentQueue<string> output, string dllPath, Uri baseUri)
    {
        _process = process;
        _output = output;
        DllPath = dllPath;
        BaseUri = baseUri;
    }

    public string DllPath { get; }

    public Uri BaseUri { get; }

    public int Pid => _process.Id;

    /// <summary>Starts the daemon and returns once GET /metrics has answered 200.</summary>
    public static async Task<DaemonProcess> StartAsync(string dllPath, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        // The free port is found by binding port 0 and letting it go, so another process can take it in
        // between; that race is rare and shows up as the daemon exiting at once, so it is simply retried.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var daemon = Start(dllPath, port);
            try
            {
                await daemon.WaitReadyAsync(readyTimeout, cancellationToken).ConfigureAwait(false);
                return daemon;
            }
            catch (SoakException) when (attempt < StartAttempts && daemon._process.HasExited && daemon.OutputTail().Contains("address already in use", StringComparison.Ordinal))
            {
                await daemon.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await daemon.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Loopback only, no proxy: the measurement must be of the daemon, nothing in between.</summary>
    public static HttpClient CreateClient(TimeSpan timeout) =>
        new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = timeout };

    /// <summary>A field of /proc/PID/status in kB (VmRSS, VmHWM).</summary>
    public long ReadStatusKb(string field)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{_process.Id}/status");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SoakException($"cannot read /proc/{_process.Id}/status: {ex.Message}");
        }

        // "VmRSS:	   52344 kB"
        var line = lines.FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            ?? throw new SoakException($"/proc/{_process.Id}/status has no {field} line");
        var value = line[(field.Length + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.Parse(value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// SIGTERM, as systemd stops it, then waits: the daemon is expected to exit 0 within its shutdown
    /// timeout. Past <paramref name="timeout"/> it is killed and the result says so.
    /// </summary>
    public async Task<StopResult> StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return new StopResult(false, _process.ExitCode, TimeSpan.Zero, "had already exited");
        }

        var started = Stopwatch.GetTimestamp();
        // .NET has no API to send a signal other than SIGKILL; kill(1) is on every Linux machine.
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
            }
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            return new StopResult(true, _process.ExitCode, Stopwatch.GetElapsedTime(started), "SIGTERM");
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
            return new StopResult(false, _process.ExitCode, Stopwatch.GetElapsedTime(started), $"no exit within {timeout.TotalSeconds:0} s of SIGTERM, killed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or not reaped within 5 s; nothing more this process can do about it.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static DaemonProcess Start(string dllPath, int port)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dllPath)!,
        };
        info.ArgumentList.Add(dllPath);
        info.ArgumentList.Add("collect");
        info.ArgumentList.Add("--listen");
        info.ArgumentList.Add($"127.0.0.1:{port}");

        // Every scrape must refresh every source; with the default 1 s TTL most scrapes of a tight loop
        // would be served from the previous result and the figures would flatter the daemon.
        info.Environment["ODOOPERF_SCRAPE__CACHETTL"] = "00:00:00";

        // The daemon's log is kept (last lines) for the error message if it fails to start; it must be
        // drained either way, or a full pipe would block the daemon's logging and skew the figures.
        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = info };
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            while (output.Count > KeptOutputLines && output.TryDequeue(out string? _))
            {
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        if (!process.Start())
        {
            throw new SoakException($"could not start {info.FileName} {dllPath}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new DaemonProcess(process, output, dllPath, new Uri($"http://127.0.0.1:{port}/"));
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = CreateClient(TimeSpan.FromSeconds(5));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var metrics = new Uri(BaseUri, "/metrics");
        while (true)
        {
            if (_process.HasExited)
            {
                throw new SoakException($"the daemon exited with code {_process.ExitCode} before answering on {metrics}:{Environment.NewLine}{OutputTail()}");
            }

            try
            {
                using var response = await http.GetAsync(metrics, deadline.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        throw new SoakException($"the daemon did not answer on {metrics} within {timeout.TotalSeconds:0} s:{Environment.NewLine}{OutputTail()}");
    }

    private string OutputTail() => string.Join(Environment.NewLine, _output);

    private static int FreeLoopbackPort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>The dotnet muxer: the one running us when started by 'dotnet', else the SDK's, else PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        foreach (var candidate in new[]
        {
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root ? Path.Join(root, "dotnet") : null,
        })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "dotnet";
    }
}

/// <summary>How the daemon ended: by its own clean shutdown on SIGTERM, or not.</summary>
internal sealed record StopResult(bool Clean, int ExitCode, TimeSpan Took, string How)
{
    public override string ToString() =>
        $"{How}: exit code {ExitCode} after {Took.TotalMilliseconds:0} ms{(Clean && ExitCode == 0 ? "" : " (NOT a clean shutdown)")}";
}
