using System;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Invoicing;

/// <summary>
/// Maps <see cref="PurchaseFacts"/> to the customer columns that keep them (contact and account share the logical names).
/// A customer whose <c>cx_paidinvoicecount</c> is empty has no facts yet (a customer from before the columns existed):
/// the invoice step then builds them once from the invoices.
/// </summary>
public static class PurchaseFactsColumns
{
    public static readonly string[] Columns = { Contact.Fields.PaidInvoiceCount, Contact.Fields.RecentPaidInvoices,
        Contact.Fields.LatestNpsScore };

    /// <summary>
    /// <paramref name="read"/> gives a column's value (a plain row or a link alias); null when the facts were never written.
    /// </summary>
    public static PurchaseFacts? From(Func<string, object?> read)
    {
        if (read is null) throw new ArgumentNullException(nameof(read));
        if (read(Contact.Fields.PaidInvoiceCount) is not int total) return null;
        return new PurchaseFacts(total, PurchaseFacts.ParseRecent(read(Contact.Fields.RecentPaidInvoices) as string),
            read(Contact.Fields.LatestNpsScore) as int?);
    }

    /// <summary>
    /// A survey answer's NPS becomes the customer's latest (the answer arriving now is the latest answered). Only answers
    /// about an invoice count, as in <see cref="CustomerLifecycleReader"/>, which rebuilds the same value from the surveys.
    /// </summary>
    public static void WriteLatestNps(IOrganizationService service, EntityReference customer, int npsScore)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (customer is null) throw new ArgumentNullException(nameof(customer));
        service.Update(new Entity(customer.LogicalName, customer.Id) { [Contact.Fields.LatestNpsScore] = npsScore });
    }

    public static void Set(Entity customerRow, PurchaseFacts facts)
    {
        if (customerRow is null) throw new ArgumentNullException(nameof(customerRow));
        if (facts is null) throw new ArgumentNullException(nameof(facts));
        customerRow[Contact.Fields.PaidInvoiceCount] = facts.TotalPaid;
        customerRow[Contact.Fields.RecentPaidInvoices] = facts.FormatRecent();
        customerRow[Contact.Fields.LatestNpsScore] = facts.LatestNpsScore;
    }
}
