using System.Net.Http;
using System.Net.Sockets;
using OdooPerf.Load.Scenarios;
using OdooPerf.Load.Tests.Running;
using OdooPerf.Testing;
using Xunit;

namespace OdooPerf.Load.Tests.Scenarios;

public sealed class StepFailureReasonTests
{
    [Fact]
    public async Task A_closed_port_is_connection_refused()
    {
        using var http = VirtualUserHttp.Create(new Uri($"http://127.0.0.1:{FreePort.Next()}/"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(""));

        Assert.Equal("connection_refused", StepFailureReason.Of(error));
    }

    [Fact]
    public async Task A_client_timeout_is_timeout()
    {
        await using var server = await TestServer.StartAsync(serviceTime: TimeSpan.FromSeconds(10));
        using var http = VirtualUserHttp.Create(server.Address, timeout: TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => http.GetAsync(""));

        Assert.Equal("timeout", StepFailureReason.Of(error));
    }

    public static TheoryData<Exception, string> Reasons => new()
    {
        { new TimeoutException(), "timeout" },
        { new TaskCanceledException("cancelled by the caller"), "cancelled" },
        { new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionReset)), "connection_reset" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), "name_resolution_error" },
        { new HttpRequestException("bad"), "http_error" },
        { new InvalidOperationException("secret=hunter2 in the message"), "InvalidOperationException" },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Reasons_are_short_stable_names_never_the_message(Exception exception, string reason)
    {
        Assert.Equal(reason, StepFailureReason.Of(exception));
    }
}
