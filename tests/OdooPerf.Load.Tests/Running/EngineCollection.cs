using Xunit;

namespace OdooPerf.Load.Tests.Running;

/// <summary>
/// The tests that run real load on timers. They run one at a time, after the parallel tests: on two cores, another
/// test's CPU burst would show up here as latency or a late arrival.
/// </summary>
[CollectionDefinition(nameof(EngineCollection), DisableParallelization = true)]
public sealed class EngineCollection : ICollectionFixture<ThreadPoolHeadroom>;

/// <summary>
/// Starts enough thread-pool threads at once. The test host keeps pool threads blocked in synchronous socket reads
/// and 1 s polls (its message loop with the runner); on two cores the pool's starting size is two, so the engine's
/// timers and continuations could wait up to a second for the starvation detector to add a thread, which reads as a
/// frozen load generator. <c>odooperf-load</c> has no such blocked threads.
/// </summary>
public sealed class ThreadPoolHeadroom
{
    public ThreadPoolHeadroom()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completionPorts, 32));
    }
}
