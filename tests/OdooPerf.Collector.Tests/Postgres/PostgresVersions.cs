using Xunit;

namespace OdooPerf.Collector.Tests.Postgres;

/// <summary>The PostgreSQL major versions the collector supports, for the SQL-selection theories.</summary>
public static class PostgresVersions
{
    public static TheoryData<int> All => [12, 13, 14, 15, 16, 17];
}
