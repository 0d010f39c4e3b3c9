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

    /// <summary>
    /// A reference unique to one document (<c>odooperf-load-SUFFIX</c>), where Odoo wants it unique: a vendor bill
    /// takes its purchase order's vendor reference, and Odoo refuses to post two bills of a vendor with the same one.
    /// Found again with <see cref="Documents"/>.
    /// </summary>
    public static string DocumentReference(string suffix) => $"{OrderReference}-{suffix}";

    /// <summary>Documents the scenarios marked, with <see cref="OrderReference"/> or a <see cref="DocumentReference"/>.</summary>
    public static OdooDomain Documents(string field) => OdooDomain.Where(field, "=like", OrderReference + "%");

    public static string CustomerRef(int number) => $"{CustomerRefPrefix}{number:D5}";

    public static string VendorRef(int number) => $"{VendorRefPrefix}{number:D5}";

    public static string ProductCode(int number) => $"{ProductCodePrefix}{number:D5}";

    public static OdooDomain Customers => OdooDomain.Where("ref", "=like", CustomerRefPrefix + "%");

    public static OdooDomain Vendors => OdooDomain.Where("ref", "=like", VendorRefPrefix + "%");

    public static OdooDomain Products => OdooDomain.Where("default_code", "=like", ProductCodePrefix + "%");
}
