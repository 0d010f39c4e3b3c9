namespace OdooPerf.LoadTests.Calibration;

/// <summary>
/// The calibration scenario does almost nothing between receiving a response and sending the next request, so .NET's
/// sockets may run that continuation on the thread that saw the socket ready instead of queueing it to the thread
/// pool. On the 2-core reference machine this took the engine from about 30,000 to about 50,000 requests per second
/// against the same endpoint. Scenarios doing real work (JSON, Odoo flows) keep the default: a continuation that
/// computes would then hold up every other socket. The runtime reads the switch from the environment once, before the
/// first socket operation, so it is set at the very start of the process; a value set by the user wins.
/// </summary>
internal static class SocketCompletions
{
    private const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static void RunInline()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }
}
