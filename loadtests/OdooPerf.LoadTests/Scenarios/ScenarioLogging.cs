using Microsoft.Extensions.Logging;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>Log lines the scenarios write when Odoo does something they do not know how to answer.</summary>
internal static partial class ScenarioLogging
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Odoo opened a dialog the scenario does not know how to answer: {Model}; the iteration stops here")]
    public static partial void LogUnknownDialog(this ILogger logger, string model);
}
