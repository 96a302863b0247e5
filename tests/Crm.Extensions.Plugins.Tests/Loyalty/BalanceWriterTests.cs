using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>Balances go in under RowVersion; a conflict is retried once from a fresh read.</summary>
public sealed class BalanceWriterTests
{
    [Fact]
    public void Should_RetryOnceFromAFreshRead_When_TheMemberChangedSinceItWasRead()
    {
        var crm = ProductSolution.Start();
        var data = new DataProducer(crm);
        var program = data.Program();
        var customer = data.Contact();
        var stale = MemberLedgerReader.Read(crm.Service, customer.ToEntityReference());
        data.AvailablePoints(customer, program, 70);
        crm.Service.Update(new Entity(Contact.EntityLogicalName, customer.Id) { [Contact.Fields.FirstName] = "Changed meanwhile" });
        var rereads = 0;

        // The product writes balances as SYSTEM (GuardLoyaltyColumns refuses them from a person).
        var balances = BalanceWriter.Write(crm.CreateOrganizationService(null), stale, crm.Clock.UtcNow, new ProgramSettings(), () =>
        {
            rereads++;
            return MemberLedgerReader.Read(crm.Service, customer.ToEntityReference());
        });

        Assert.Equal(1, rereads);
        Assert.Equal(70, balances.Available);
        Assert.Equal(70, crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
    }
}
