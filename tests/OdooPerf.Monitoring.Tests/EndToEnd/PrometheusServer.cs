using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using OdooPerf.Testing;

namespace OdooPerf.Monitoring.Tests.EndToEnd;

/// <summary>
/// A real Prometheus server (Debian's <c>prometheus</c> package) on a free loopback port with a throwaway TSDB, scraping
/// the given targets every second and evaluating the given rule files; removed on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _http;

    private PrometheusServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Output => string.Join('\n', _output);

    /// <summary>Starts Prometheus with one scrape job per entry of <paramref name="jobs"/> (job name → host:port) and the rule files.</summary>
    public static async Task<PrometheusServer> StartAsync(IReadOnlyDictionary<string, string> jobs, IEnumerable<string> ruleFiles)
    {
        var binary = ExternalTool.Require(ExternalTool.Prometheus);
        var directory = Directory.CreateTempSubdirectory("odooperf-prometheus-").FullName;
        var config = Path.Join(directory, "prometheus.yml");
        var scrapeConfigs = string.Join('\n', jobs.Select(job => $"""
              - job_name: {job.Key}
                scrape_interval: 1s
                scrape_timeout: 1s
                static_configs:
                  - targets: ['{job.Value}']
            """));
        var rules = string.Join('\n', ruleFiles.Select(f => $"  - '{f}'"));
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
            {rules}
            scrape_configs:
            {scrapeConfigs}

            """).ConfigureAwait(false);

        var port = FreePort.Next();
        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     $"--config.file={config}", $"--storage.tsdb.path={Path.Join(directory, "data")}", $"--web.listen-address=127.0.0.1:{port}",
                     "--storage.tsdb.retention.time=1h", "--log.level=warn",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start prometheus");
        var server = new PrometheusServer(process, directory, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) server._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) server._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>An instant query; the whole API answer (<c>status</c>, <c>data</c> or <c>error</c>).</summary>
    public async Task<JsonElement> QueryAsync(string expression)
    {
        using var content = new FormUrlEncodedContent([new("query", expression)]);
        using var response = await _http.PostAsync(new Uri("api/v1/query", UriKind.Relative), content).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false);
    }

    /// <summary>The rule groups as Prometheus evaluates them (<c>/api/v1/rules</c>: health, lastError, state).</summary>
    public async Task<JsonElement> RulesAsync() =>
        (await _http.GetFromJsonAsync<JsonElement>(new Uri("api/v1/rules", UriKind.Relative)).ConfigureAwait(false)).GetProperty("data").GetProperty("groups");

    /// <summary>The scrape targets' health by job (<c>up</c> per target).</summary>
    public async Task<JsonElement> TargetsAsync() =>
        (await _http.GetFromJsonAsync<JsonElement>(new Uri("api/v1/targets", UriKind.Relative)).ConfigureAwait(false)).GetProperty("data").GetProperty("activeTargets");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri("-/ready", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"prometheus not ready within 30 s:\n{Output}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }
}
