using System.Net;
using System.Net.Sockets;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Integration;

/// <summary>The real <c>odooperf</c> executable: help, version, and every kind of bad input.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Version_prints_the_version_and_exits_0()
    {
        var result = await CollectorCommand.RunAsync(["--version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Help_lists_collect_and_its_flags()
    {
        var root = await CollectorCommand.RunAsync(["--help"]);
        var collect = await CollectorCommand.RunAsync(["collect", "--help"]);

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("collect", root.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, collect.ExitCode);
        Assert.Contains("--listen", collect.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--config", collect.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "collect", "--listen", "nonsense" }, "invalid listen address 'nonsense'")]
    [InlineData(new[] { "collect", "--listen", "127.0.0.1:99999" }, "not a number from 1 to 65535")]
    [InlineData(new[] { "collect", "--config", "/nonexistent/odooperf.json" }, "cannot read config file '/nonexistent/odooperf.json'")]
    [InlineData(new[] { "collect", "--config", "/" }, "it is a directory")]
    [InlineData(new[] { "collect", "--frobnicate" }, "--frobnicate")]
    [InlineData(new[] { "collect", "--odoo-log", "/nonexistent/odoo.log" }, "invalid --odoo-log '/nonexistent/odoo.log': directory '/nonexistent' does not exist")]
    [InlineData(new[] { "collect", "--odoo-log", "journald:" }, "invalid --odoo-log 'journald:'")]
    [InlineData(new string[0], "Required command was not provided")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_code_2(string[] arguments, string expected)
    {
        var result = await CollectorCommand.RunAsync(arguments);

        AssertOneLineError(result, expected);
    }

    [Fact]
    public async Task A_config_file_that_is_not_json_is_one_line_and_exit_code_2()
    {
        var file = Path.Join(Path.GetTempPath(), $"odooperf-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "Listen = 127.0.0.1:9720\n");
        try
        {
            var result = await CollectorCommand.RunAsync(["collect", "--config", file]);

            AssertOneLineError(result, "is not valid JSON");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_invalid_environment_variable_is_one_line_and_exit_code_2()
    {
        var result = await CollectorCommand.RunAsync(["collect"], new Dictionary<string, string?> { ["ODOOPERF_SCRAPE__CACHETTL"] = "later" });

        AssertOneLineError(result, "later");
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_code_2()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var result = await CollectorCommand.RunAsync(["collect", "--listen", $"127.0.0.1:{port}"], timeout: TimeSpan.FromSeconds(30));

        AssertOneLineError(result, $"cannot listen on 127.0.0.1:{port}: address already in use");
    }

    private static void AssertOneLineError(ProcessResult result, string expected)
    {
        var stderr = result.StandardError.TrimEnd('\n');
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain('\n', stderr);
        Assert.StartsWith("odooperf: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);

        // Neither stream may carry a stack trace.
        Assert.DoesNotMatch(@"\n\s+at \S+\(", result.StandardOutput + "\n" + result.StandardError);
        Assert.DoesNotContain("Exception:", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }
}
