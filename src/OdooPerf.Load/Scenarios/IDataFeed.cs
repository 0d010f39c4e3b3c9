namespace OdooPerf.Load.Scenarios;

/// <summary>Where iterations take their data (logins, products, partners) from; see <see cref="DataFeed{T}"/>.</summary>
public interface IDataFeed
{
    /// <summary>The item for the iteration <paramref name="context"/> is running; called at most once per iteration.</summary>
    object? Next(ScenarioContext context);
}
