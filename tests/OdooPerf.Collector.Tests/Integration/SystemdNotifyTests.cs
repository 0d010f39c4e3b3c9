using System.Net.Sockets;
using System.Text;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Collector.Tests.Integration;

/// <summary>
/// The sd_notify protocol as systemd runs it for Type=notify: a datagram socket named by NOTIFY_SOCKET,
/// READY=1 once serving, WATCHDOG=1 at half of WATCHDOG_USEC, STOPPING=1 on SIGTERM.
/// </summary>
public sealed class SystemdNotifyTests
{
    [Fact]
    public async Task Notifies_ready_keeps_the_watchdog_fed_and_notifies_stopping()
    {
        var socketPath = Path.Join(Path.GetTempPath(), $"odooperf-notify-{Guid.NewGuid():N}.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        var received = new List<string>();
        var receiving = ReceiveAsync(notify, received);
        try
        {
            await using var collector = await CollectorProcess.StartAsync(environment: new Dictionary<string, string?>
            {
                ["NOTIFY_SOCKET"] = socketPath,
                ["WATCHDOG_USEC"] = "400000",
            });

            await WaitForAsync(received, () => received.Contains("READY=1") && received.Count(m => m == "WATCHDOG=1") >= 3);
            await collector.TerminateAsync(TimeSpan.FromSeconds(5));
            await WaitForAsync(received, () => received.Contains("STOPPING=1"));

            Assert.Equal(0, collector.ExitCode);
        }
        finally
        {
            notify.Close();
            await receiving;
            File.Delete(socketPath);
        }
    }

    private static async Task ReceiveAsync(Socket socket, List<string> received)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, SocketFlags.None);
                lock (received)
                {
                    received.AddRange(Encoding.UTF8.GetString(buffer, 0, length).Split('\n', StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The test closed the socket.
        }
    }

    private static async Task WaitForAsync(List<string> received, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            lock (received)
            {
                if (condition())
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                lock (received)
                {
                    Assert.Fail($"notifications received so far: {string.Join(", ", received)}");
                }
            }

            await Task.Delay(50);
        }
    }
}
