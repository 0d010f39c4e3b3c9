using System.Collections.Concurrent;
using System.Diagnostics;
using OdooPerf.Testing;

namespace OdooPerf.LoadTests.Tests.Fixtures;

/// <summary>
/// A running <c>odooperf-load</c>, for tests that act while it runs (send a signal, scrape its metrics). Disposing it
/// kills it if it is still running.
/// </summary>
public sealed class LoadProcess : IAsyncDisposable
{
    public const int SigInt = 2;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private LoadProcess(Process process) => _process = process;

    public static LoadProcess Start(params string[] arguments)
    {
        var process = Process.Start(LoadCommand.StartInfo(arguments)) ?? throw new InvalidOperationException("could not start odooperf-load");
        var load = new LoadProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) load._stdout.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) load._stderr.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return load;
    }

    public string StandardOutput => string.Join('\n', _stdout);

    public string StandardError => string.Join('\n', _stderr);

    /// <summary>Waits until stdout has a line matching <paramref name="predicate"/>; fails past <paramref name="patience"/>.</summary>
    public async Task WaitForLineAsync(Func<string, bool> predicate, TimeSpan patience)
    {
        var deadline = Stopwatch.StartNew();
        while (!_stdout.Any(predicate))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"odooperf-load exited ({_process.ExitCode}) before the expected line.\n{StandardOutput}\n{StandardError}");
            }

            if (deadline.Elapsed > patience)
            {
                throw new TimeoutException($"no such line from odooperf-load within {patience}.\n{StandardOutput}\n{StandardError}");
            }

            await Task.Delay(50);
        }
    }

    public void Signal(int signal) => Signals.Send(_process.Id, signal);

    /// <summary>Waits for the exit (fails past <paramref name="patience"/>) and returns the exit code and output.</summary>
    public async Task<ProcessResult> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"odooperf-load did not exit within {patience}.\n{StandardOutput}\n{StandardError}");
        }

        // WaitForExit without a timeout also waits for the redirected streams to be read to their end.
        _process.WaitForExit();
        return new ProcessResult(_process.ExitCode, StandardOutput, StandardError);
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
