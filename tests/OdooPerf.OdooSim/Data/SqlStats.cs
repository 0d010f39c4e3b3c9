namespace OdooPerf.OdooSim.Data;

/// <summary>
/// What Odoo's werkzeug line reports for a request: queries run and seconds spent running them
/// (<c>threading.current_thread().query_count/query_time</c>, counted in <c>odoo.sql_db.Cursor.execute</c>).
/// </summary>
internal sealed class SqlStats
{
    private long _queries;
    private long _ticks;

    public int Queries => (int)Interlocked.Read(ref _queries);

    public double Seconds => TimeSpan.FromTicks(Interlocked.Read(ref _ticks)).TotalSeconds;

    public void Add(TimeSpan elapsed)
    {
        Interlocked.Increment(ref _queries);
        Interlocked.Add(ref _ticks, elapsed.Ticks);
    }
}
