using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Tests.Infrastructure;

namespace Crm.Extensions.Plugins.Tests.Invoicing;

/// <summary>An active program, a contact and one open invoice with lines in one product family: the fact most tests start from.</summary>
internal sealed class InvoiceScenario
{
    public InvoiceScenario(params decimal[] lineAmounts)
        : this(null, lineAmounts)
    {
    }

    private InvoiceScenario(Action<LoyaltyProgram>? program, decimal[] lineAmounts)
    {
        Crm = ProductSolution.Start();
        Data = new DataProducer(Crm);
        Program = Data.Program(program);
        Customer = Data.Contact();
        Family = Data.Product();
        Invoice = Data.Invoice(Customer);
        Lines = (lineAmounts.Length == 0 ? new[] { 100m } : lineAmounts)
            .Select(amount => Data.Line(Invoice, Data.ProductIn(Family), amount))
            .ToList();
    }

    /// <summary>A scenario whose program already holds <paramref name="program"/>'s settings (stored data, no save guard).</summary>
    public static InvoiceScenario WithProgram(Action<LoyaltyProgram> program, params decimal[] lineAmounts) => new(program, lineAmounts);

    public DataverseEmulator Crm { get; }

    public DataProducer Data { get; }

    public LoyaltyProgram Program { get; }

    public Contact Customer { get; }

    public Product Family { get; }

    public Invoice Invoice { get; }

    public IReadOnlyList<InvoiceDetail> Lines { get; }

    public Contact StoredCustomer => Crm.Get(Contact.EntityLogicalName, Customer.Id)!.ToEntity<Contact>();

    public List<LoyaltyTransaction> Ledger
        => Crm.All(LoyaltyTransaction.EntityLogicalName).Select(row => row.ToEntity<LoyaltyTransaction>()).ToList();
}
