namespace OdooPerf.Load.Stats;

/// <summary>The per-step half of <see cref="IStepRecordListener"/>.</summary>
public interface IStepRecord
{
    void Recorded(long microseconds, bool ok);
}
