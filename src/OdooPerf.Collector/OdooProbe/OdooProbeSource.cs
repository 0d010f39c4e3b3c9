using Microsoft.Extensions.Logging;
using OdooPerf.Collector.Scraping;
using Prometheus;

namespace OdooPerf.Collector.OdooProbe;

/// <summary>
/// Probes Odoo over HTTP at scrape time: <c>odoo_up</c>, <c>odoo_probe_duration_seconds</c> and <c>odoo_version_info{version}</c>.
/// </summary>
/// <remarks>
/// It asks <c>/web/health</c> and, when that answers 404 (Odoo before 15.0), <c>/web/webclient/version_info</c>, and remembers
/// which one the server has; it checks <c>/web/health</c> again every <see cref="OdooProbeOptions.VersionRefreshInterval"/>
/// and whenever Odoo comes back up, since an upgrade gains it. An Odoo that is down, hung, refusing connections or answering
/// nonsense is <c>odoo_up 0</c>, not a failed source: the refresh never throws. The version is read on the first healthy
/// probe, after each return to health and every refresh interval; the last one seen stays published while Odoo is down.
/// State changes (up, down, a new version, a change of route) are logged once each, not on every scrape.
/// </remarks>
public sealed class OdooProbeSource : IMetricSource, IDisposable
{
    public const string SourceName = "odoo_probe";

    private readonly OdooProbeOptions _options;
    private readonly OdooProbeTarget _target;
    private readonly OdooProbeClient _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ScrapedGauge _up;
    private readonly ScrapedGauge _duration;
    private readonly ScrapedGauge _versionInfo;

    private OdooProbeEndpoint _endpoint = OdooProbeEndpoint.Unknown;
    private OdooProbeEndpoint _announcedEndpoint = OdooProbeEndpoint.Unknown;
    private string? _version;
    private long? _versionDueSince;
    private bool? _wasUp;

    public OdooProbeSource(
        OdooProbeOptions options,
        IMetricFactory factory,
        CardinalityGuard guard,
        ILogger<OdooProbeSource> logger,
        string collectorVersion,
        HttpMessageHandler? handler = null,
        TimeProvider? time = null)
    {
        _options = options;
        _target = OdooProbeTarget.Parse(options.Url, out var error)
            ?? throw new ArgumentException($"invalid OdooProbe:Url: {error}", nameof(options));
        _client = new OdooProbeClient(_target, $"odooperf/{collectorVersion}", handler);
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _up = new ScrapedGauge(factory, guard, "odoo_up", "Whether Odoo answered the probe as healthy (1) or not (0): /web/health, or /web/webclient/version_info on versions without it.");
        _duration = new ScrapedGauge(factory, guard, "odoo_probe_duration_seconds", "Wall time of the last Odoo probe, failed or not.");
        _versionInfo = new ScrapedGauge(factory, guard, "odoo_version_info", "Odoo's server_version from /web/webclient/version_info (the last one seen); the value is always 1.", "version");
    }

    public string Name => SourceName;

    /// <summary>The route the probe currently uses.</summary>
    public OdooProbeEndpoint Endpoint => _endpoint;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);

        var triedHealth = _endpoint != OdooProbeEndpoint.VersionInfo;
        var started = _time.GetTimestamp();
        var answer = await ProbeAsync(deadline.Token).ConfigureAwait(false);
        var elapsed = _time.GetElapsedTime(started);

        var cameUp = answer.Up && _wasUp != true;
        if (answer.Up)
        {
            await UpdateVersionAsync(answer.Version, cameUp, triedHealth, deadline.Token).ConfigureAwait(false);
        }

        Publish(answer.Up, elapsed);
        LogTransition(answer);
    }

    public void Clear()
    {
        _up.Clear();
        _duration.Clear();
        _versionInfo.Clear();
    }

    public void Dispose() => _client.Dispose();

    private async Task<OdooProbeAnswer> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_endpoint != OdooProbeEndpoint.VersionInfo)
            {
                var health = await _client.HealthAsync(_options.DatabaseStatus, cancellationToken).ConfigureAwait(false);
                if (!health.NotFound)
                {
                    // Only a healthy answer proves the route: a proxy's 502 in front of a stopped Odoo 14 proves nothing.
                    if (health.Up)
                    {
                        Use(OdooProbeEndpoint.Health);
                    }

                    return health;
                }

                Use(OdooProbeEndpoint.VersionInfo);
            }

            var info = await _client.VersionInfoAsync(cancellationToken).ConfigureAwait(false);
            if (info.NotFound)
            {
                // Neither route: perhaps not Odoo, perhaps a proxy in between; start from /web/health again next time.
                _endpoint = OdooProbeEndpoint.Unknown;
                return OdooProbeAnswer.Unhealthy("neither /web/health nor /web/webclient/version_info exists there (404): is the URL Odoo's?");
            }

            return info;
        }
        catch (Exception ex)
        {
            return OdooProbeAnswer.Unhealthy(Describe(ex));
        }
    }

    private async Task UpdateVersionAsync(string? probedVersion, bool cameUp, bool triedHealth, CancellationToken cancellationToken)
    {
        var due = cameUp || _versionDueSince is not { } since || _time.GetElapsedTime(since) >= _options.VersionRefreshInterval;
        var version = probedVersion;
        if (due)
        {
            _versionDueSince = _time.GetTimestamp();
            if (_endpoint == OdooProbeEndpoint.VersionInfo && !triedHealth)
            {
                // Look for /web/health again next time: an upgraded Odoo has it.
                _endpoint = OdooProbeEndpoint.Unknown;
            }

            if (version is null)
            {
                version = await ReadVersionAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (version is null || version == _version)
        {
            return;
        }

        if (_version is not null)
        {
            _logger.LogInformation("Odoo at {Url} now runs version {Version} (was {Previous})", _target.Display, version, _version);
        }

        _version = version;
    }

    // Health says nothing of the version: ask version_info, but a failure there does not make Odoo down.
    private async Task<string?> ReadVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var info = await _client.VersionInfoAsync(cancellationToken).ConfigureAwait(false);
            if (info.Version is null)
            {
                _logger.LogDebug("Odoo at {Url} gave no usable version: {Reason}", _target.Display, info.Reason ?? "server_version is not a version string");
            }

            return info.Version;
        }
        catch (Exception ex)
        {
            _logger.LogDebug("Odoo at {Url} gave no version: {Reason}", _target.Display, Describe(ex));
            return null;
        }
    }

    private void Use(OdooProbeEndpoint endpoint)
    {
        _endpoint = endpoint;
        if (endpoint == _announcedEndpoint)
        {
            return;
        }

        if (endpoint == OdooProbeEndpoint.VersionInfo)
        {
            _logger.LogInformation("Odoo at {Url} has no /web/health (added in 15.0): probing /web/webclient/version_info instead", _target.Display);
        }
        else if (_announcedEndpoint == OdooProbeEndpoint.VersionInfo)
        {
            _logger.LogInformation("Odoo at {Url} answers /web/health now: probing it", _target.Display);
        }

        _announcedEndpoint = endpoint;
    }

    private void Publish(bool up, TimeSpan elapsed)
    {
        _up.BeginUpdate();
        _up.Set(up ? 1 : 0);
        _up.EndUpdate();

        _duration.BeginUpdate();
        _duration.Set(elapsed.TotalSeconds);
        _duration.EndUpdate();

        _versionInfo.BeginUpdate();
        if (_version is not null)
        {
            _versionInfo.Set(1, _version);
        }

        _versionInfo.EndUpdate();
    }

    private void LogTransition(OdooProbeAnswer answer)
    {
        if (answer.Up == _wasUp)
        {
            return;
        }

        if (!answer.Up)
        {
            _logger.LogWarning("Odoo at {Url} is down: {Reason}", _target.Display, answer.Reason);
        }
        else if (_wasUp is null)
        {
            _logger.LogInformation("Odoo at {Url} is up, version {Version}", _target.Display, _version ?? "unknown");
        }
        else
        {
            _logger.LogInformation("Odoo at {Url} is up again, version {Version}", _target.Display, _version ?? "unknown");
        }

        _wasUp = answer.Up;
    }

    // One line, never the URL's user info (requests are made without it, so no exception message can carry it).
    private string Describe(Exception ex) => ex switch
    {
        OperationCanceledException => $"no answer within {_options.Timeout.TotalSeconds:0.###} s",
        HttpRequestException { InnerException: { } inner } when ex.Message.Contains("inner exception", StringComparison.Ordinal) => OneLine(inner.Message),
        HttpRequestException => OneLine(ex.Message),
        _ => $"{ex.GetType().Name}: {OneLine(ex.Message)}",
    };

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
