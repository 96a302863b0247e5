using System.Linq;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>cx_ProcessLoyaltyLedger: vests lots whose pending days passed, expires lapsed lots, warns before expiry; idempotent.</summary>
public sealed class ProcessLoyaltyLedgerTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();

    private DataProducer Data => new(_crm);

    [Fact]
    public void Should_VestThePendingLotAndCountItAvailable_When_ItsPendingDaysHavePassed()
    {
        var program = Data.Program();
        var customer = Data.Contact();
        var lot = Data.AvailablePoints(customer, program, 120,
            l => l[LoyaltyTransaction.Fields.EntryStatus] = new OptionSetValue((int)GlobalChoices.LedgerEntryStatus.Pending));

        var response = Process();

        Assert.Equal(1, response.Results["Vested"]);
        Assert.Equal((int)GlobalChoices.LedgerEntryStatus.Available,
            _crm.Get(LoyaltyTransaction.EntityLogicalName, lot.Id)!
            .GetAttributeValue<OptionSetValue>(LoyaltyTransaction.Fields.EntryStatus).Value);
        Assert.Equal(120, _crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
    }

    [Fact]
    public void Should_ExpireTheLapsedLotOnce_When_TheRunIsRepeated()
    {
        var program = Data.Program();
        var customer = Data.Contact();
        Data.AvailablePoints(customer, program, 80, l => l[LoyaltyTransaction.Fields.ExpiresOn] = _crm.Clock.UtcNow.AddDays(-1));

        Process();
        Process();

        var expiries = _crm.All(LoyaltyTransaction.EntityLogicalName)
            .Where(
                e => e.GetAttributeValue<OptionSetValue>(LoyaltyTransaction.Fields.EntryType).Value == (
                    int)GlobalChoices.LedgerEntryType.Expire).ToList();
        Assert.Equal(-80, Assert.Single(expiries).GetAttributeValue<int>(LoyaltyTransaction.Fields.Points));
        Assert.Equal(0, _crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
    }

    [Fact]
    public void Should_WarnWithOneTask_When_PointsExpireWithinTheWarningDays()
    {
        var program = Data.Program();
        var customer = Data.Contact();
        Data.AvailablePoints(customer, program, 50, l => l[LoyaltyTransaction.Fields.ExpiresOn] = _crm.Clock.UtcNow.AddDays(10));

        Process();
        Process();

        var task = Assert.Single(_crm.All(Task.EntityLogicalName));
        Assert.Equal(customer.Id, task.GetAttributeValue<EntityReference>(Task.Fields.RegardingObjectId).Id);
    }

    [Fact]
    public void Should_RefuseWithAClearMessageAndChangeNoRows_When_NoProgramIsActive()
    {
        var customer = Data.Contact();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Process());

        Assert.Contains("No loyalty program is active, so there is no ledger to process.", refusal.Detail.Message);
        Assert.Equal(0, _crm.Count(LoyaltyTransaction.EntityLogicalName));
        Assert.Equal(0, _crm.Count(Task.EntityLogicalName));
    }

    [Fact]
    public void Should_RunTheLedgerPluginAtMainOperation_When_TheApiIsCalled()
    {
        Data.Program();

        Process();

        Assert.Contains(_crm.FiredSteps, step => step.PluginType == typeof(ProcessLoyaltyLedger).FullName && step.Stage == 30);
    }

    private OrganizationResponse Process() => _crm.Service.Execute(new OrganizationRequest(ProcessLoyaltyLedger.Api));
}
