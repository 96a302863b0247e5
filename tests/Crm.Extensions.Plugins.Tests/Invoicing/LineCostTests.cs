using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Invoicing;

/// <summary>KeepLineCost: every invoice line written through the service carries quantity × its product's current cost.</summary>
public sealed class LineCostTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public LineCostTests() => _data = new DataProducer(_crm);

    [Fact]
    public void Should_KeepQuantityTimesTheProductsCost_When_ALineIsCreated()
    {
        var product = _data.CostedProduct(12.5m);
        var invoice = _data.Invoice(_data.Contact());

        var id = _crm.Service.Create(
            new InvoiceDetail { InvoiceId = invoice.ToEntityReference(), ProductId = product.ToEntityReference(), Quantity = 3m,
                ExtendedAmount = new Money(90m) });

        Assert.Equal(37.5m, Stored(id));
    }

    [Fact]
    public void Should_RecomputeTheCost_When_TheQuantityChanges()
    {
        var product = _data.CostedProduct(12.5m);
        var invoice = _data.Invoice(_data.Contact());
        var id = _crm.Service.Create(
            new InvoiceDetail { InvoiceId = invoice.ToEntityReference(), ProductId = product.ToEntityReference(), Quantity = 3m });

        _crm.Service.Update(new InvoiceDetail { Id = id, Quantity = 4m });

        Assert.Equal(50m, Stored(id));
    }

    [Fact]
    public void Should_KeepTheCostAtTheSale_When_TheProductsCostChangesLater()
    {
        var product = _data.CostedProduct(10m);
        var invoice = _data.Invoice(_data.Contact());
        var id = _crm.Service.Create(
            new InvoiceDetail { InvoiceId = invoice.ToEntityReference(), ProductId = product.ToEntityReference(), Quantity = 2m });

        _crm.Service.Update(new Product { Id = product.Id, CurrentCost = new Money(99m) });

        Assert.Equal(20m, Stored(id));
    }

    [Fact]
    public void Should_RecomputeTheCost_When_SomeoneTypesAValue()
    {
        var product = _data.CostedProduct(10m);
        var invoice = _data.Invoice(_data.Contact());
        var id = _crm.Service.Create(
            new InvoiceDetail { InvoiceId = invoice.ToEntityReference(), ProductId = product.ToEntityReference(), Quantity = 2m });

        _crm.Service.Update(new InvoiceDetail { Id = id, LineCost = new Money(1m) });

        Assert.Equal(20m, Stored(id));
    }

    [Theory]
    [InlineData(1033, "The line's cost (quantity × the product's cost) is beyond what a money column holds.")]
    [InlineData(3082, "El coste de la línea (cantidad × coste del producto) supera lo que admite una columna de dinero.")]
    public void Should_RefuseInTheCallersLanguageAndWriteNothing_When_TheCostIsBeyondTheMoneyRange(int language, string message)
    {
        var product = _data.CostedProduct(900_000_000_000m);
        var invoice = _data.Invoice(_data.Contact());
        var user = _crm.CreateUser("Seller", isAdministrator: true, uiLanguageId: language);

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _crm.ServiceAs(user).Create(
            new InvoiceDetail { InvoiceId = invoice.ToEntityReference(), ProductId = product.ToEntityReference(), Quantity = 5_000m }));

        Assert.Contains(message, refusal.Detail.Message);
        Assert.Equal(0, _crm.Count(InvoiceDetail.EntityLogicalName));
    }

    private decimal? Stored(System.Guid id) =>
        _crm.Get(InvoiceDetail.EntityLogicalName, id)!.GetAttributeValue<Money>(InvoiceDetail.Fields.LineCost)?.Value;
}
