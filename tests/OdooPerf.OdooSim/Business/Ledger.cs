using OdooPerf.OdooSim.Data;

namespace OdooPerf.OdooSim.Business;

/// <summary>The seeded chart of accounts and journals (Odoo 17's generic chart codes), looked up by code.</summary>
internal static class Ledger
{
    public const string Receivable = "121000";
    public const string Payable = "211000";
    public const string Income = "400000";
    public const string Expense = "600000";
    public const string Bank = "101401";
    public const string OutstandingReceipts = "101402";
    public const string OutstandingPayments = "101403";
    public const string TaxReceived = "251000";
    public const string TaxPaid = "131000";

    public static readonly IReadOnlyList<(string Code, string Name, string Type, bool Reconcile)> Accounts =
    [
        (Receivable, "Account Receivable", "asset_receivable", true),
        (Payable, "Account Payable", "liability_payable", true),
        (Income, "Product Sales", "income", false),
        (Expense, "Expenses", "expense", false),
        (Bank, "Bank", "asset_cash", false),
        (OutstandingReceipts, "Outstanding Receipts", "asset_current", true),
        (OutstandingPayments, "Outstanding Payments", "asset_current", true),
        (TaxReceived, "Tax Received", "liability_current", false),
        (TaxPaid, "Tax Paid", "asset_current", false),
    ];

    public static Task<int> AccountAsync(Cursor cr, string code) => cr.IntAsync("SELECT id FROM \"account_account\" WHERE \"code\" = $1", code);

    /// <summary>The first journal of a type: sale, purchase, bank, cash or general.</summary>
    public static Task<int> JournalAsync(Cursor cr, string type) =>
        cr.IntAsync("SELECT id FROM \"account_journal\" WHERE \"type\" = $1 AND \"active\" ORDER BY \"sequence\", id LIMIT 1", type);

    public static bool IsInvoice(string moveType) => moveType is "out_invoice" or "out_refund" or "in_invoice" or "in_refund";

    public static bool IsSale(string moveType) => moveType is "out_invoice" or "out_refund";
}
