using System.Globalization;
using OdooPerf.OdooSim.Data;

namespace OdooPerf.OdooSim.Business;

/// <summary>Document numbers as Odoo 17's default sequences print them (S00001, WH/OUT/00001, INV/2024/00001, ...).</summary>
internal static class Sequences
{
    public static async Task<string> SaleOrderAsync(Cursor cr) => $"S{await NextAsync(cr, "seq_sale_order").ConfigureAwait(false):D5}";

    public static async Task<string> PurchaseOrderAsync(Cursor cr) => $"P{await NextAsync(cr, "seq_purchase_order").ConfigureAwait(false):D5}";

    /// <summary><paramref name="prefix"/> is the picking type's sequence code: IN, OUT or INT.</summary>
    public static async Task<string> PickingAsync(Cursor cr, string prefix)
    {
        var sequence = prefix switch { "IN" => "seq_picking_in", "OUT" => "seq_picking_out", _ => "seq_picking_int" };
        return $"WH/{prefix}/{await NextAsync(cr, sequence).ConfigureAwait(false):D5}";
    }

    public static async Task<string> MoveAsync(Cursor cr, string moveType, DateTime date)
    {
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        return moveType switch
        {
            "out_invoice" => $"INV/{year}/{await NextAsync(cr, "seq_invoice").ConfigureAwait(false):D5}",
            "out_refund" => $"RINV/{year}/{await NextAsync(cr, "seq_refund").ConfigureAwait(false):D5}",
            "in_invoice" or "in_refund" => $"BILL/{year}/{date.Month:D2}/{await NextAsync(cr, "seq_bill").ConfigureAwait(false):D4}",
            _ => $"MISC/{year}/{date.Month:D2}/{await NextAsync(cr, "seq_misc").ConfigureAwait(false):D4}",
        };
    }

    public static async Task<string> PaymentAsync(Cursor cr, DateTime date) =>
        $"PBNK1/{date.Year.ToString(CultureInfo.InvariantCulture)}/{await NextAsync(cr, "seq_payment").ConfigureAwait(false):D5}";

    private static async Task<long> NextAsync(Cursor cr, string sequence) =>
        Convert.ToInt64(await cr.ScalarAsync($"SELECT nextval('{sequence}')").ConfigureAwait(false), CultureInfo.InvariantCulture);
}
