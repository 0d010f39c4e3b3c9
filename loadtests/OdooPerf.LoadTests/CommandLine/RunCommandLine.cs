using System.CommandLine;
using System.Globalization;
using OdooPerf.Load.Reports;
using OdooPerf.Load.Simulations;
using OdooPerf.LoadTests.Console;
using OdooPerf.LoadTests.GoLive;
using OdooPerf.LoadTests.Running;
using OdooPerf.LoadTests.Scenarios;

namespace OdooPerf.LoadTests.CommandLine;

/// <summary>
/// <c>odooperf-load run --target URL --db NAME --login USER --expected-users N [...]</c>: the go-live test. Runs
/// ⌈headroom × N⌉ virtual users at peak through the business flows (ramp up, hold, ramp down), each user with its own
/// session, judges the go-live targets and ends with <c>VERDICT: GO</c> or <c>VERDICT: NO-GO</c>.
/// </summary>
internal static class RunCommandLine
{
    public const double DefaultHeadroom = 1.5;

    public static Command Create()
    {
        var target = new OdooTargetOptionSet();
        var writes = new WriteGuard();
        var run = new RunOptionSet();
        var expectedUsers = new Option<string?>("--expected-users") { Description = "Users expected at peak in production", HelpName = "N" };
        var headroom = new Option<string?>("--headroom") { Description = $"Peak virtual users = ceil(headroom × expected users) (default {DefaultHeadroom.ToString(CultureInfo.InvariantCulture)}: 150%)", HelpName = "X" };
        var rampUp = new Option<string?>("--ramp-up") { Description = "Ramp from 0 to the peak users over this long (default 5m; 0 for none)", HelpName = "DURATION" };
        var duration = new Option<string?>("--duration") { Description = "Hold the peak this long (default 15m)", HelpName = "DURATION" };
        var rampDown = new Option<string?>("--ramp-down") { Description = "Ramp back to 0 over this long (default 1m; 0 for none)", HelpName = "DURATION" };
        var scenario = new Option<string?>("--scenario") { Description = $"What the users do: mix (default: every scenario by weight) or one of {string.Join(", ", ScenarioCatalog.All.Select(s => s.Scenario.Name))}", HelpName = "NAME" };
        var mix = new Option<string?>("--mix") { Description = "A mix file (JSON, e.g. from 'derive'): scenario weights and think time", HelpName = "FILE" };
        var thinkTime = new Option<string?>("--think-time") { Description = "Pause after each step, uniformly random: MIN-MAX or one value (default 1s-5s)", HelpName = "MIN-MAX" };
        var standardP95 = new Option<string?>("--standard-p95") { Description = "Go-live target: p95 of each standard scenario under this (default 3s)", HelpName = "DURATION" };
        var reportP95 = new Option<string?>("--report-p95") { Description = "Go-live target: p95 of each report scenario under this (default 10s)", HelpName = "DURATION" };
        var maxFailRate = new Option<string?>("--max-fail-rate") { Description = "Go-live target: failed requests under this share of all (default 2%)", HelpName = "PERCENT" };

        var command = new Command("run", "The go-live test: ceil(headroom × expected users) virtual users through Odoo's business flows, judged against the go-live targets; ends with VERDICT: GO or NO-GO.")
        {
            expectedUsers, headroom, rampUp, duration, rampDown, scenario, mix, thinkTime, standardP95, reportP95, maxFailRate,
        };
        target.AddTo(command);
        writes.AddTo(command);
        run.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var console = ConsoleOutput.ForProcess(parse.GetValue(run.Plain));
            return await CommandErrors.GuardAsync(console, async () =>
            {
                var odoo = target.Bind(parse);
                var expected = OptionValues.PositiveInteger("--expected-users", Required(parse, expectedUsers, "--expected-users N (the users expected at peak)"));
                var factor = parse.GetValue(headroom) is { } headroomText ? OptionValues.PositiveNumber("--headroom", headroomText) : DefaultHeadroom;
                var peak = PeakUsers(expected, factor);
                var profile = new LoadProfile(
                    DurationOrZero(parse, rampUp, TimeSpan.FromMinutes(5)),
                    parse.GetValue(duration) is { } durationText ? OptionValues.Duration("--duration", durationText) : TimeSpan.FromMinutes(15),
                    DurationOrZero(parse, rampDown, TimeSpan.FromMinutes(1)));
                var chosen = ChooseMix(parse.GetValue(scenario), parse.GetValue(mix));
                var think = parse.GetValue(thinkTime) is { } thinkText ? ParseThinkTime(thinkText) : chosen.ThinkTime ?? ThinkTime.Default;
                var targets = new GoLiveTargets
                {
                    StandardP95 = parse.GetValue(standardP95) is { } s ? OptionValues.Duration("--standard-p95", s) : GoLiveTargets.DefaultStandardP95,
                    ReportP95 = parse.GetValue(reportP95) is { } r ? OptionValues.Duration("--report-p95", r) : GoLiveTargets.DefaultReportP95,
                    MaxFailRatePercent = parse.GetValue(maxFailRate) is { } f ? Percent("--max-fail-rate", f) : GoLiveTargets.DefaultMaxFailRatePercent,
                };

                var plan = new OdooLoadPlan(odoo, chosen, peak, profile, think);
                if (plan.OdooScenarios.FirstOrDefault(s => !s.IsReadOnly) is { } writer)
                {
                    writes.Check(parse, odoo.Credentials.Database, $"{writer.Name} writes {writer.Writes}");
                }

                var settings = run.Bind(parse, DateTimeOffset.UtcNow);
                settings = settings with { Thresholds = [.. targets.Thresholds(plan.OdooScenarios), .. settings.Thresholds] };
                PrintPlan(console, odoo, expected, factor, peak, profile, think, plan);
                var title = $"Odoo go-live: {peak} users ({expected} expected × {factor.ToString("0.##", CultureInfo.InvariantCulture)}) on {odoo.Display}, database {odoo.Credentials.Database}";
                return await LoadSession.RunAsync(plan.Scenarios, settings, title, console, report => report with
                {
                    Verdict = GoLiveVerdict.Decide(report),
                    StepCalls = plan.Preflight.IsDone ? plan.Preflight.Data.StepCalls() : null,
                    Unfinished = plan.Preflight.IsDone ? plan.Preflight.Data.Unfinished() : null,
                }).ConfigureAwait(false);
            }).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>⌈headroom × expected⌉, computed so that 1.5 × 20 is exactly 30 (no floating-point 30.000000000000004).</summary>
    public static int PeakUsers(int expected, double headroom)
    {
        var exact = decimal.Round((decimal)headroom * expected, 6);
        var peak = decimal.Ceiling(exact);
        return peak > 1_000_000 ? throw new UsageException($"--expected-users × --headroom is {peak}: more than 1,000,000 virtual users") : Math.Max(1, (int)peak);
    }

    private static ScenarioMix ChooseMix(string? scenario, string? mixFile)
    {
        if (mixFile is not null)
        {
            if (scenario is not null && scenario != ScenarioMix.MixName)
            {
                throw new UsageException("--mix FILE goes with --scenario mix (or no --scenario), not with a single scenario");
            }

            try
            {
                return MixFile.Read(mixFile);
            }
            catch (MixFileException e)
            {
                throw new UsageException(e.Message);
            }
        }

        if (scenario is null || scenario == ScenarioMix.MixName)
        {
            return ScenarioMix.Default;
        }

        return ScenarioCatalog.Find(scenario) is { } single
            ? ScenarioMix.Single(single)
            : throw new UsageException($"invalid --scenario '{scenario}': expected one of {string.Join(", ", ScenarioCatalog.Names)}");
    }

    private static ThinkTime ParseThinkTime(string text) =>
        ThinkTime.TryParse(text, out var think)
            ? think
            : throw new UsageException($"invalid --think-time '{text}': expected MIN-MAX such as 1s-5s, or one value such as 3s or 0");

    private static double Percent(string option, string text)
    {
        var number = text.Trim().TrimEnd('%');
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 100)
        {
            throw new UsageException($"invalid {option} '{text}': expected a percentage from 0 to 100, e.g. 2%");
        }

        return value;
    }

    private static TimeSpan DurationOrZero(ParseResult parse, Option<string?> option, TimeSpan fallback) =>
        parse.GetValue(option) is { } text ? OptionValues.DurationOrZero(option.Name, text.Trim() == "0" ? "0s" : text) : fallback;

    private static string Required(ParseResult parse, Option<string?> option, string example) =>
        parse.GetValue(option) is { Length: > 0 } value ? value : throw new UsageException($"{option.Name} is required: {example}");

    private static void PrintPlan(ConsoleOutput console, OdooTarget odoo, int expected, double headroom, int peak, LoadProfile profile,
        ThinkTime think, OdooLoadPlan plan)
    {
        console.Line($"go-live test of {odoo.Display}, database {odoo.Credentials.Database}, as {odoo.Credentials.Login}");
        console.Line($"  {peak} virtual users at peak = ceil({expected} expected × {headroom.ToString("0.##", CultureInfo.InvariantCulture)}); "
            + $"ramp-up {DurationText.Format(profile.RampUp)}, hold {DurationText.Format(profile.Duration)}, ramp-down {DurationText.Format(profile.RampDown)}; think time {think}");
        console.Line("  users per scenario: " + string.Join(", ", plan.Shares.Select(s => $"{s.Scenario.Name} {s.Users}")));
        foreach (var (scenario, _) in plan.Shares.Where(s => s.Users == 0))
        {
            console.Line($"  note: {scenario.Name} gets no user at this size (its weight is too small for {peak} users); it is not run");
        }
    }
}
