namespace OdooPerf.LoadTests.Calibration;

/// <summary>
/// One virtual user's request timeout: a token source linked to the run's cancellation, armed before each request and
/// reset after it, so the steady state allocates nothing. It covers the whole request, body included
/// (<see cref="HttpClient.Timeout"/> stops at the headers when the body is streamed).
/// </summary>
internal sealed class RequestTimer(TimeSpan timeout, CancellationToken run) : IDisposable
{
    private CancellationTokenSource _source = CancellationTokenSource.CreateLinkedTokenSource(run);

    public CancellationToken Start()
    {
        _source.CancelAfter(timeout);
        return _source.Token;
    }

    /// <summary>True when the request was cancelled by the timeout rather than by the run stopping.</summary>
    public bool TimedOut => _source.IsCancellationRequested && !run.IsCancellationRequested;

    public void Stop()
    {
        if (!_source.TryReset())
        {
            // Fired (timeout or stop): a cancelled source cannot be reused.
            _source.Dispose();
            _source = CancellationTokenSource.CreateLinkedTokenSource(run);
        }
    }

    public void Dispose() => _source.Dispose();
}
