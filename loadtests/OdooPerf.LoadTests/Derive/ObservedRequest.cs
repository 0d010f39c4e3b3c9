namespace OdooPerf.LoadTests.Derive;

/// <summary>One user action seen in the log: when it ended, from where, which call (<c>model.method</c>, or a route), how long it took.</summary>
internal readonly record struct ObservedRequest(DateTime End, string Address, string Call, string? Model, bool IsModelLessButton, double Seconds);
