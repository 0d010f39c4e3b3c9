using System.CommandLine;
using OdooPerf.LoadTests.Calibration;
using OdooPerf.LoadTests.Console;
using OdooPerf.LoadTests.Running;

namespace OdooPerf.LoadTests.CommandLine;

/// <summary>
/// <c>odooperf-load http --url URL (--users N | --rate R) --duration D [...]</c>: the calibration scenario, a plain GET
/// through the engine, to learn what a load-generator machine delivers before the real test.
/// </summary>
internal static class HttpCommandLine
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "The URL to GET (http:// or https://; user:password@ is sent as Basic auth and never printed)", HelpName = "URL" };
        var users = new Option<string?>("--users") { Description = "Closed model: this many virtual users, each with its own keep-alive connection, each sending its next request when the last ends", HelpName = "N" };
        var rate = new Option<string?>("--rate") { Description = "Open model: start this many requests per second on a fixed timeline, whatever the server's speed (late ones are counted as dropped)", HelpName = "R" };
        var duration = new Option<string?>("--duration") { Description = "How long to hold the load after the ramp-up, e.g. 30s, 5m", HelpName = "DURATION" };
        var rampUp = new Option<string?>("--ramp-up") { Description = "Ramp from 0 to the users or the rate over this long first", HelpName = "DURATION" };
        var timeout = new Option<string?>("--timeout") { Description = "A request (headers and body) slower than this fails as 'timeout' (default 30s)", HelpName = "DURATION" };
        var connections = new Option<string?>("--connections") { Description = "With --rate: connections the shared pool opens at most (default: --max-concurrency)", HelpName = "N" };
        var maxConcurrency = new Option<string?>("--max-concurrency") { Description = "With --rate: requests in flight at once at most; one more due is dropped (default 1000)", HelpName = "N" };
        var run = new RunOptionSet();

        var command = new Command("http", "Calibration: GET one URL through the load engine (closed model with --users, open model with --rate), to measure what this machine can deliver.")
        {
            url, users, rate, duration, rampUp, timeout, connections, maxConcurrency,
        };
        run.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var console = ConsoleOutput.ForProcess(parse.GetValue(run.Plain));
            return await CommandErrors.GuardAsync(console, async () =>
            {
                var settings = BindHttp(parse, url, users, rate, duration, rampUp, timeout, connections, maxConcurrency);
                var runSettings = run.Bind(parse, DateTimeOffset.UtcNow);
                using var load = new HttpGetLoad(settings);
                return await LoadSession.RunAsync([load.Scenario], runSettings, $"http GET {settings.Target.Display} ({settings.Describe()})", console).ConfigureAwait(false);
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static HttpGetSettings BindHttp(ParseResult parse, Option<string?> url, Option<string?> users, Option<string?> rate,
        Option<string?> duration, Option<string?> rampUp, Option<string?> timeout, Option<string?> connections, Option<string?> maxConcurrency)
    {
        var target = TargetUrl.Parse("--url", parse.GetValue(url));
        var usersText = parse.GetValue(users);
        var rateText = parse.GetValue(rate);
        if ((usersText is null) == (rateText is null))
        {
            throw new UsageException("give either --users N (closed model) or --rate R (open model), not both and not neither");
        }

        if (parse.GetValue(duration) is not { } durationText)
        {
            throw new UsageException("--duration is required, e.g. --duration 30s");
        }

        if (usersText is not null && (parse.GetValue(connections) is not null || parse.GetValue(maxConcurrency) is not null))
        {
            throw new UsageException("--connections and --max-concurrency apply to --rate only: with --users, each user has one connection");
        }

        var settings = new HttpGetSettings
        {
            Target = target,
            Users = usersText is null ? null : OptionValues.PositiveInteger("--users", usersText),
            Rate = rateText is null ? null : OptionValues.PositiveNumber("--rate", rateText),
            Duration = OptionValues.Duration("--duration", durationText),
            RampUp = parse.GetValue(rampUp) is { } ramp ? OptionValues.Duration("--ramp-up", ramp) : null,
            Timeout = parse.GetValue(timeout) is { } timeoutText ? OptionValues.Duration("--timeout", timeoutText) : TimeSpan.FromSeconds(30),
            Connections = parse.GetValue(connections) is { } connectionsText ? OptionValues.PositiveInteger("--connections", connectionsText) : null,
        };
        return parse.GetValue(maxConcurrency) is { } concurrency
            ? settings with { MaxConcurrency = OptionValues.PositiveInteger("--max-concurrency", concurrency) }
            : settings;
    }
}
