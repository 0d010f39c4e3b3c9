namespace OdooPerf.Collector.Tests.OdooLog.Tailing;

/// <summary>Waits for a condition instead of sleeping a fixed time, failing with a description at the deadline.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task WaitUntilAsync(Func<bool> condition, Func<string> describe, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Xunit.Assert.Fail($"not reached within {timeout ?? DefaultTimeout}: {describe()}");
            }

            await Task.Delay(10);
        }
    }
}
