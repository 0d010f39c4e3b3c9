namespace OdooPerf.Load.Stats;

/// <summary>The per-step half of <see cref="IStepRecordListener"/>.</summary>
public interface IStepRecord
{
    /// <summary>A request of the step: <paramref name="failureReason"/> is null when it succeeded, else its bounded reason.</summary>
    void Recorded(long microseconds, string? failureReason);
}
