using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OdooPerf.Load.Scenarios;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// Logs the first Odoo error of each scenario, step and reason once (its one-line message says what Odoo refused:
/// "No product to invoice"), so a tester sees why a flow fails without a flood of lines from every user.
/// </summary>
internal static class FailureLog
{
    private const int MaxLogged = 50;

    private static readonly ConcurrentDictionary<string, bool> Logged = new(StringComparer.Ordinal);

    public static void Note(ScenarioContext context, string step, string? model, string? method, string reason, string message)
    {
        var key = $"{context.ScenarioName}/{step}/{reason}";
        if (Logged.Count < MaxLogged && Logged.TryAdd(key, true))
        {
            var call = model is null ? method : $"{model}.{method}";
            context.Logger.LogWarning("{Scenario}/{Step} ({Call}) failed: {Reason}: {Message}",
                context.ScenarioName, step, call, reason, message);
        }
    }
}
