using System.Globalization;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Integration;

/// <summary>
/// The real daemon following a real file: every line written is counted exactly once, across a rename
/// rotation while it runs, a stop, lines written and a rotation while it is down, and the restart.
/// </summary>
public sealed class OdooLogTailingTests : IDisposable
{
    private static readonly string[] Paths =
    [
        "/web/dataset/call_kw/res.partner/web_search_read",
        "/web/dataset/call_kw/sale.order/action_confirm",
        "/web/dataset/call_button",
        "/web/image/product.product/12/image_128",
        "/report/pdf/sale.report_saleorder/42",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("odooperf-tail-").FullName;
    private int _written;

    private string LogPath => Path.Join(_directory, "odoo.log");

    [Fact]
    public async Task Lines_written_across_rotation_and_restart_are_each_counted_once()
    {
        Append(LogPath, 100);
        var collector = await StartAsync();
        int exitCode;
        try
        {
            var metrics = await WaitForLinesAsync(collector, 100);
            Assert.Equal(100, metrics.Family("odoo_http_requests_total").Sum(s => s.Value));
            Assert.Equal(20, metrics.Value("odoo_http_requests_total", ("route", "report"), ("status_class", "2xx")));

            // logrotate "create": rename, then Odoo (WatchedFileHandler) opens a new file.
            Append(LogPath, 7);
            File.Move(LogPath, LogPath + ".1");
            Append(LogPath + ".1", 3); // written by Odoo before it noticed the rename
            Append(LogPath, 40);
            metrics = await WaitForLinesAsync(collector, 150);
            Assert.Equal(1, metrics.Value("odooperf_log_rotations_total", ("file", LogPath)));
            Assert.Equal(150, metrics.Family("odoo_http_requests_total").Sum(s => s.Value));
        }
        finally
        {
            await collector.TerminateAsync(TimeSpan.FromSeconds(5));
            exitCode = collector.ExitCode;
            await collector.DisposeAsync();
        }

        Assert.Equal(0, exitCode);

        // While the daemon is down: more lines, then another rotation, then lines in the new file.
        Append(LogPath, 30);
        File.Move(LogPath + ".1", LogPath + ".2");
        File.Move(LogPath, LogPath + ".1");
        Append(LogPath, 20);

        await using var restarted = await StartAsync();
        var after = await WaitForLinesAsync(restarted, 50);
        Assert.Equal(50, after.Family("odoo_http_requests_total").Sum(s => s.Value));

        // Caught up to the end of the file, and nothing counted twice.
        Assert.Equal(new FileInfo(LogPath).Length, after.Value("odooperf_log_position_bytes", ("file", LogPath)));
        Assert.Equal(50, after.Value("odooperf_log_lines_total", ("file", LogPath)));
        Assert.Equal(200, _written);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<CollectorProcess> StartAsync() => CollectorProcess.StartAsync(
        ["--odoo-log", Path.Join(_directory, "odoo.log"), "--odoo-log-from-start"],
        new Dictionary<string, string?>
        {
            ["ODOOPERF_OdooLog__StateFile"] = Path.Join(_directory, "positions.json"),
            ["ODOOPERF_OdooLog__PollInterval"] = "00:00:00.050",
            ["ODOOPERF_Postgres__Servers"] = null,
        });

    /// <summary>Scrapes until <c>odooperf_log_lines_total</c> for the log reaches <paramref name="lines"/> (10 s at most).</summary>
    private async Task<PrometheusText> WaitForLinesAsync(CollectorProcess collector, int lines)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var metrics = await collector.ScrapeAsync();
            var read = metrics.Family("odooperf_log_lines_total").Where(s => s.Label("file") == LogPath).Sum(s => s.Value);
            if (read >= lines || DateTime.UtcNow > deadline)
            {
                Assert.Equal(lines, read);
                return metrics;
            }

            await Task.Delay(50);
        }
    }

    private void Append(string path, int count)
    {
        using var writer = new StreamWriter(path, append: true);
        for (var i = 0; i < count; i++, _written++)
        {
            var at = new DateTime(2024, 3, 5, 8, 0, 0).AddSeconds(_written);
            var stamp = at.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);
            var clf = at.ToString("dd/MMM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
            writer.Write($"{stamp} 1001 INFO prod werkzeug: 10.1.2.3 - - [{clf}] \"POST {Paths[_written % Paths.Length]} HTTP/1.1\" 200 - 12 0.005 0.031\n");
        }
    }
}
