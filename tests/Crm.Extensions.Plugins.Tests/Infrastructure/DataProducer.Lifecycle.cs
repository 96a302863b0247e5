using System;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Infrastructure;

public sealed partial class DataProducer
{
    /// <summary>
    /// A paid invoice of <paramref name="customer"/>, paid on <paramref name="paidOn"/>: a paid invoice's last modification is
    /// its payment date, and the emulator stamps modifiedon from its clock, so the clock is set to that day while seeding.
    /// </summary>
    public Invoice PaidInvoiceOn(Contact customer, DateTime paidOn, decimal amount = 100m)
    {
        var now = Crm.Clock.UtcNow;
        Crm.Clock.Set(paidOn);
        try
        {
            return Seeded(new Invoice { Name = "INV", CustomerId = customer.ToEntityReference(), TotalAmount = new Money(amount) },
                i => i["statecode"] = new OptionSetValue(2));
        }
        finally
        {
            Crm.Clock.Set(now);
        }
    }
}
