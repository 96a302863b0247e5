using System;
using Crm.Extensions.EarlyBound;

namespace Crm.Extensions.Plugins.Tests.Infrastructure;

public sealed partial class DataProducer
{
    public CustomerSegment Segment(Action<CustomerSegment>? with = null) =>
        Seeded(new CustomerSegment { Name = "Champions " + Guid.NewGuid().ToString("N")[..6] }, with);

    public Product Product(Action<Product>? with = null) =>
        Seeded(new Product { Name = "Product " + Guid.NewGuid().ToString("N")[..6] }, with);

    /// <summary>A draft proposition that could be activated: benefit stated, 20% margin.</summary>
    public ValueProposition NewProposition(CustomerSegment segment, Action<ValueProposition>? with = null)
    {
        var proposition = new ValueProposition
        {
            Name = "Free delivery",
            CustomerSegmentId = segment.ToEntityReference(),
            CustomerBenefit = "Delivery at no cost",
            CompanyMargin = 20m,
            OfferText = "Your next delivery is on us",
            PropositionStatus = ValueProposition.PropositionStatusChoice.Draft,
        };
        with?.Invoke(proposition);
        return proposition;
    }

    public ValueProposition ActiveProposition(CustomerSegment segment, Action<ValueProposition>? with = null) =>
        Seeded(NewProposition(segment, p => p.PropositionStatus = ValueProposition.PropositionStatusChoice.Active), with);

    /// <summary>A paid invoice of <paramref name="customer"/> with one line of <paramref name="product"/>.</summary>
    public Invoice PaidInvoice(Contact customer, Product product)
    {
        var invoice = Seeded(new Invoice { Name = "INV", CustomerId = customer.ToEntityReference() },
            i => i["statecode"] = new Microsoft.Xrm.Sdk.OptionSetValue(2));
        Seeded(new InvoiceDetail { InvoiceId = invoice.ToEntityReference(), ProductId = product.ToEntityReference(), Quantity = 1m }, null);
        return invoice;
    }

    public void SetEnvironmentVariable(string schemaName, string value)
    {
        var definition = System.Linq.Enumerable.Single(Crm.All(EnvironmentVariableDefinition.EntityLogicalName),
            d => (string)d[EnvironmentVariableDefinition.Fields.SchemaName] == schemaName);
        Seeded(
            new EnvironmentVariableValue { SchemaName = schemaName, Value = value,
                EnvironmentVariableDefinitionId = definition.ToEntityReference() }, null);
    }
}
