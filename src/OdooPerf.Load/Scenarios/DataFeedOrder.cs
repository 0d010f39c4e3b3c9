namespace OdooPerf.Load.Scenarios;

public enum DataFeedOrder
{
    /// <summary>Items in turn across all users, from the first again after the last.</summary>
    Circular,

    /// <summary>A uniformly random item each iteration.</summary>
    Random,

    /// <summary>The same item for all iterations of a user (user n gets item n-1, wrapping): one login per user.</summary>
    PerUser,
}
