using static Crm.Extensions.Cli.Model.Columns;

namespace Crm.Extensions.Cli.Model;

/// <summary>The column the solution adds to the standard invoice line: the cost of the sale, kept when the line is written.</summary>
internal static partial class CrmExtensionsModel
{
    /// <summary>
    /// Only the column travels (no form, no view): the Sales app owns the invoice line's forms. The portfolio analysis sums
    /// the column per customer, so its aggregate has one row per customer instead of one per customer, invoice and product cost.
    /// </summary>
    private static Table InvoiceDetail() => new("InvoiceDetail", Label.Of("Invoice Product", "Producto de factura"),
        Label.Of("Invoice Products", "Productos de factura"),
        Label.Of("A product line of an invoice.", "Una línea de producto de una factura."))
    {
        IsCustom = false,
        ColumnsOnly = true,
        PrimaryNameColumn = "productdescription",
        Columns =
        [
            Money("cx_LineCost", "Line cost", "Coste de la línea",
                "Quantity times the product's cost when the line was written, kept by the solution; the portfolio analysis sums it as " +
                "the cost of the sale.",
                "Cantidad por el coste del producto cuando se escribió la línea, mantenido por la solución; el análisis de cartera lo " +
                "suma como coste de la venta.")
                .Calculated(),
        ],
    };
}
