using System.CommandLine;
using System.Globalization;
using OdooPerf.Load.Thresholds;
using OdooPerf.LoadTests.Console;
using OdooPerf.LoadTests.Seeding;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.CommandLine;

/// <summary>
/// <c>odooperf-load seed --target URL --db NAME --login USER --customers N --vendors N --products N --allow-writes</c>:
/// the test data the writing scenarios use, tagged; <c>seed --cleanup --allow-writes</c> removes it. Exit codes: 0
/// done, 1 Odoo refused a write (one line: its exception and message), 2 bad usage, 3 Odoo unreachable or the login
/// refused.
/// </summary>
internal static class SeedCommandLine
{
    public static Command Create()
    {
        var target = new OdooTargetOptionSet();
        var writes = new WriteGuard();
        var customers = new Option<string?>("--customers") { Description = "Tagged customers to have (created when missing)", HelpName = "N" };
        var vendors = new Option<string?>("--vendors") { Description = "Tagged vendors to have", HelpName = "N" };
        var products = new Option<string?>("--products") { Description = "Tagged saleable and purchasable goods to have (storable with Inventory)", HelpName = "N" };
        var stock = new Option<string?>("--stock-per-product") { Description = $"Units put in the main warehouse for each new product (default {SeedPlan.DefaultStockPerProduct})", HelpName = "Q" };
        var cleanup = new Option<bool>("--cleanup") { Description = "Remove the tagged records instead (archived when documents refer to them)" };

        var command = new Command("seed", "Create the tagged customers, vendors and products the writing scenarios use (or remove them with --cleanup).")
        {
            customers, vendors, products, stock, cleanup,
        };
        target.AddTo(command);
        writes.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var console = ConsoleOutput.ForProcess(plain: true);
            return await CommandErrors.GuardAsync(console, async () =>
            {
                var odoo = target.Bind(parse);
                var isCleanup = parse.GetValue(cleanup);
                if (isCleanup && new[] { customers, vendors, products, stock }.Any(o => parse.GetValue(o) is not null))
                {
                    throw new UsageException("--cleanup removes every seeded record: it takes no --customers, --vendors, --products or --stock-per-product");
                }

                var plan = isCleanup ? null : Plan(parse, customers, vendors, products, stock);
                writes.Check(parse, odoo.Credentials.Database, isCleanup ? "deletes the seeded records" : "creates customers, vendors, products and stock");

                using var http = Load.Scenarios.VirtualUserHttp.Create(odoo.BaseAddress, cookies: true, odoo.Timeout, maxConnections: 1);
                var client = odoo.CreateClient(http);
                try
                {
                    await client.AuthenticateAsync(cancellation).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OdooException or HttpRequestException or TaskCanceledException)
                {
                    console.Error(e is OdooRpcException { IsAccessDenied: true }
                        ? $"cannot log in to {odoo.Display} as {odoo.Credentials.Login} on database {odoo.Credentials.Database}: wrong login or password (AccessDenied)"
                        : $"cannot reach {odoo.Display}: {(e as OdooException)?.Reason ?? Load.Scenarios.StepFailureReason.Of(e)}: {e.Message}");
                    return ExitCodes.CouldNotStart;
                }

                console.Line($"{(isCleanup ? "removing the seeded records from" : "seeding")} database {odoo.Credentials.Database} on {odoo.Display}");
                try
                {
                    if (plan is null)
                    {
                        await new SeedCleanup(client, console, cancellation).RunAsync().ConfigureAwait(false);
                    }
                    else
                    {
                        await new Seeder(client, console, cancellation).RunAsync(plan).ConfigureAwait(false);
                    }
                }
                catch (OdooException e)
                {
                    var call = e.Model is null ? e.Method : $"{e.Model}.{e.Method}";
                    console.Error($"{(isCleanup ? "cleanup" : "seed")} failed: {call}: {e.Reason}: {e.Message}");
                    return ExitCodes.ThresholdFailed;
                }

                return ExitCodes.Success;
            }).ConfigureAwait(false);
        });
        return command;
    }

    private static SeedPlan Plan(ParseResult parse, Option<string?> customers, Option<string?> vendors, Option<string?> products, Option<string?> stock)
    {
        var plan = new SeedPlan(Count(parse, customers), Count(parse, vendors), Count(parse, products),
            parse.GetValue(stock) is { } text ? Quantity(text) : SeedPlan.DefaultStockPerProduct);
        return plan.Customers + plan.Vendors + plan.Products == 0
            ? throw new UsageException("nothing to seed: give --customers N, --vendors N and/or --products N (or --cleanup)")
            : plan;
    }

    private static int Count(ParseResult parse, Option<string?> option)
    {
        if (parse.GetValue(option) is not { } text)
        {
            return 0;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 100_000
            ? value
            : throw new UsageException($"invalid {option.Name} '{text}': expected a whole number from 0 to 100000");
    }

    private static decimal Quantity(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new UsageException($"invalid --stock-per-product '{text}': expected a quantity of 0 or more, e.g. 1000");
}
