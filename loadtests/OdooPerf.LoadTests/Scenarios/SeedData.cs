using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// How records made by <c>odooperf-load seed</c> are tagged, so scenarios find them and <c>seed --cleanup</c> removes
/// exactly them: customers and vendors by their internal reference (<c>ref</c>), products by their internal reference
/// (<c>default_code</c>). Records the scenarios create (orders, invoices) carry <see cref="OrderReference"/> in the
/// customer reference field where the model has one.
/// </summary>
internal static class SeedData
{
    public const string CustomerRefPrefix = "odooperf-c-";
    public const string VendorRefPrefix = "odooperf-v-";
    public const string ProductCodePrefix = "ODOOPERF-";

    /// <summary>Put in <c>client_order_ref</c> / <c>partner_ref</c> of documents the scenarios create.</summary>
    public const string OrderReference = "odooperf-load";

    public static string CustomerRef(int number) => $"{CustomerRefPrefix}{number:D5}";

    public static string VendorRef(int number) => $"{VendorRefPrefix}{number:D5}";

    public static string ProductCode(int number) => $"{ProductCodePrefix}{number:D5}";

    public static OdooDomain Customers => OdooDomain.Where("ref", "=like", CustomerRefPrefix + "%");

    public static OdooDomain Vendors => OdooDomain.Where("ref", "=like", VendorRefPrefix + "%");

    public static OdooDomain Products => OdooDomain.Where("default_code", "=like", ProductCodePrefix + "%");
}
