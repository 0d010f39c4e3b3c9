using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace OdooPerf.Testing;

/// <summary>
/// The real <c>odooperf collect</c> process, started from the build output next to the test assembly,
/// listening on a free loopback port. Disposing it stops it (SIGTERM, then SIGKILL if it lingers).
/// </summary>
public sealed class CollectorProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private CollectorProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>A field of /proc/PID/status in KiB (VmRSS, VmHWM, RssAnon, RssFile, RssShmem).</summary>
    public long ReadStatusKb(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(field.Length + 1).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{Pid}/status has no {field}");
    }

    /// <summary>Everything the process printed on stdout and stderr so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Starts <c>odooperf collect --listen 127.0.0.1:PORT</c> plus <paramref name="extraArguments"/> and
    /// waits until it answers HTTP.
    /// </summary>
    public static async Task<CollectorProcess> StartAsync(
        IEnumerable<string>? extraArguments = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? assemblyPath = null)
    {
        var port = FreePort.Next();
        var start = CollectorCommand.StartInfo(["collect", "--listen", $"127.0.0.1:{port}", .. extraArguments ?? []], environment, assemblyPath);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start odooperf");
        var collector = new CollectorProcess(process, port);
        process.OutputDataReceived += (_, e) => collector.Record(e.Data);
        process.ErrorDataReceived += (_, e) => collector.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await collector.WaitUntilAnsweringAsync().ConfigureAwait(false);
        return collector;
    }

    /// <summary>GET /metrics, parsed.</summary>
    public async Task<PrometheusText> ScrapeAsync() => PrometheusText.Parse(await ScrapeTextAsync().ConfigureAwait(false));

    /// <summary>GET /metrics as text.</summary>
    public async Task<string> ScrapeTextAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        return await client.GetStringAsync(new Uri("metrics", UriKind.Relative)).ConfigureAwait(false);
    }

    /// <summary>Sends SIGTERM and returns how long the process took to exit (fails past <paramref name="patience"/>).</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan patience)
    {
        var stopwatch = Stopwatch.StartNew();
        Signals.Send(_process.Id, Signals.SigTerm);
        using var cts = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"odooperf did not exit within {patience} of SIGTERM. Output:\n{Output}");
        }

        return stopwatch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await TerminateAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"odooperf exited with code {_process.ExitCode} before answering. Output:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException($"odooperf did not answer on {BaseAddress} within {StartupTimeout}. Output:\n{Output}");
    }
}
