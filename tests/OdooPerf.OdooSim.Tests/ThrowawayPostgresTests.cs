using System.Diagnostics;
using System.Text.RegularExpressions;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.OdooSim.Tests;

/// <summary><c>odoosim --pg throwaway</c>, the README's first command: a simulator on a PostgreSQL of its own, removed on exit.</summary>
public sealed partial class ThrowawayPostgresTests
{
    [Fact]
    public async Task The_simulator_runs_on_a_cluster_of_its_own_and_removes_it_when_stopped()
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo(CollectorCommand.DotnetHost)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Join(AppContext.BaseDirectory, "odoosim.dll"), "--pg", "throwaway", "--port", $"{port}", "--customers", "3" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var ready = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (e.Data.Contains("simulator on", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient();
            var health = await http.GetAsync($"http://127.0.0.1:{port}/web/health");
            Assert.Equal(200, (int)health.StatusCode);

            Signals.Send(process.Id, 15);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        string first;
        lock (lines)
        {
            first = lines[0];
        }

        var dataDirectory = DataDirectory().Match(first);
        Assert.True(dataDirectory.Success, first);
        Assert.False(Directory.Exists(dataDirectory.Groups[1].Value), $"{dataDirectory.Groups[1].Value} is still there");
    }

    [GeneratedRegex(@"throwaway PostgreSQL \d+ on 127\.0\.0\.1:\d+ in (\S+) \(removed on exit\)")]
    private static partial Regex DataDirectory();
}
