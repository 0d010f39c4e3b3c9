using Microsoft.Extensions.Logging;
using OdooPerf.Load.Simulations;

namespace OdooPerf.Load.Scenarios;

/// <summary>What a scenario's init and clean functions get.</summary>
public sealed record ScenarioInitContext(
    string ScenarioName,
    ExecutionSegment Segment,
    ILogger Logger,
    CancellationToken CancellationToken);
