using System;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Infrastructure;

public sealed partial class DataProducer
{
    /// <summary>A product whose current cost is <paramref name="cost"/> (line cost = quantity × cost).</summary>
    public Product CostedProduct(decimal cost) => Product(p => p.CurrentCost = new Money(cost));

    /// <summary>
    /// A paid invoice of <paramref name="customer"/> with one line, paid on <paramref name="paidOn"/>: a paid invoice's last
    /// modification is its payment date, so the clock is set to that moment while seeding.
    /// </summary>
    public Invoice PaidPurchase(Entity customer, DateTime paidOn, Product product, decimal amount, decimal quantity = 1m)
    {
        var now = Crm.Clock.UtcNow;
        Crm.Clock.Set(paidOn);
        try
        {
            var invoice = Seeded(new Invoice { Name = "INV", CustomerId = customer.ToEntityReference(), TotalAmount = new Money(amount) },
                i => i[Extensions.EarlyBound.Invoice.Fields.StateCode] = new OptionSetValue(InvoiceStates.Paid));
            Seeded(new InvoiceDetail
            {
                InvoiceId = invoice.ToEntityReference(),
                ProductId = product.ToEntityReference(),
                Quantity = quantity,
                ExtendedAmount = new Money(amount),
                // Seeding skips the pipeline: the line carries the cost KeepLineCost gives a line written through it.
                LineCost = new Money(quantity * (product.CurrentCost?.Value ?? 0m)),
            }, null);
            return invoice;
        }
        finally
        {
            Crm.Clock.Set(now);
        }
    }
}
