namespace OdooPerf.Load.Scenarios;

/// <summary>
/// What a step returns: OK, failed with a short reason from a small fixed set (<c>http_500</c>, <c>timeout</c>,
/// <c>AccessError</c>: it becomes a bounded report key), or ignored; with the HTTP status and bytes when known. A
/// failure may carry the server's message ("The order is already confirmed."): reports keep the distinct messages of
/// each step with their counts, bounded and with secrets masked (<see cref="Stats.FailureMessageLimits"/>).
/// </summary>
public readonly record struct StepResult(
    StepOutcome Outcome,
    string? Reason = null,
    int? StatusCode = null,
    long BytesSent = 0,
    long BytesReceived = 0,
    string? Message = null)
{
    public static StepResult Ok(int? statusCode = null, long bytesSent = 0, long bytesReceived = 0) =>
        new(StepOutcome.Ok, null, statusCode, bytesSent, bytesReceived);

    /// <param name="message">What the server said, if anything; never a secret of the scenario's own (reports keep it).</param>
    public static StepResult Fail(string reason, int? statusCode = null, long bytesSent = 0, long bytesReceived = 0, string? message = null) =>
        new(StepOutcome.Failed, string.IsNullOrEmpty(reason) ? "failed" : reason, statusCode, bytesSent, bytesReceived, message);

    public static StepResult Ignored { get; } = new(StepOutcome.Ignored);

    public bool IsOk => Outcome == StepOutcome.Ok;

    public bool IsFailed => Outcome == StepOutcome.Failed;
}
