using System.Buffers;
using OdooPerf.Load.Scenarios;

namespace OdooPerf.LoadTests.Calibration;

/// <summary>
/// One virtual user of the calibration scenario: its client (its own in the closed model, the shared one in the open
/// model) and its request timer. Kept in the user's state bag; the engine disposes it when the user stops.
/// </summary>
internal sealed class HttpUser(HttpClient client, bool ownsClient, RequestTimer timer) : IDisposable
{
    public const string StateKey = "odooperf.http";

    private const int BufferSize = 16 * 1024;

    /// <summary>
    /// GETs <paramref name="target"/> and reads the body to its end. 2xx and 3xx are OK; any other status fails with
    /// reason <c>http_STATUS</c>; a request slower than the timeout fails with <c>timeout</c>. Cancellation by the run
    /// stopping is rethrown (the engine does not record it).
    /// </summary>
    public async Task<StepResult> GetAsync(Uri target, long requestBytes, CancellationToken run)
    {
        var token = timer.Start();
        long received = 0;
        try
        {
            using var response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            received = await DrainAsync(response.Content, token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 400
                ? StepResult.Ok(status, requestBytes, received)
                : StepResult.Fail(FailureReasons.ForStatus(status), status, requestBytes, received);
        }
        catch (OperationCanceledException) when (timer.TimedOut && !run.IsCancellationRequested)
        {
            return StepResult.Fail("timeout", bytesSent: requestBytes, bytesReceived: received);
        }
        finally
        {
            timer.Stop();
        }
    }

    private static async Task<long> DrainAsync(HttpContent content, CancellationToken token)
    {
        var stream = await content.ReadAsStreamAsync(token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                long total = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(), token).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return total;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public void Dispose()
    {
        timer.Dispose();
        if (ownsClient)
        {
            client.Dispose();
        }
    }
}
