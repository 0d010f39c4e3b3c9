namespace OdooPerf.Collector.OdooLog.Report;

/// <summary>Request statistics under a name: a path pattern, or a model and method.</summary>
internal sealed class NamedRequestStats
{
    public string Name { get; set; } = "other";

    /// <summary>For model/method keys: the model (<see cref="Name"/> is then the method).</summary>
    public string? Model { get; set; }

    public RequestStats Requests { get; } = new();
}
