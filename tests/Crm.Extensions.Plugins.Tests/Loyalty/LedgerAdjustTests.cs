using System;
using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// Adjust entries (positive or negative, the option of cx_ledgerentrytype written by cx_AdjustPoints) are read by every path:
/// payment, redemption and the nightly run; one member whose ledger cannot be read never fails the run for everyone.
/// </summary>
public sealed class LedgerAdjustTests
{
    private readonly DataverseEmulator _crm = ProductSolution.Start();

    private DataProducer Data => new(_crm);

    [Fact]
    public void Should_EarnOnTopOfTheAdjustedPoints_When_AMemberWithAnAdjustEntryPaysAnInvoice()
    {
        var program = Data.Program();
        var customer = Data.Contact();
        Adjustment(customer, program, 200);
        var family = Data.Product();
        var invoice = Data.Invoice(customer);
        Data.Line(invoice, Data.ProductIn(family), 100m);

        Data.Pay(invoice);

        var stored = _crm.Get(Contact.EntityLogicalName, customer.Id)!.ToEntity<Contact>();
        Assert.Equal(200, stored.PointsBalance);
        Assert.Equal(100, stored.PendingPoints);
    }

    [Fact]
    public void Should_SpendFromWhatIsLeftAfterTheAdjustment_When_AMemberWithANegativeAdjustEntryRedeems()
    {
        var scenario = new RedeemRewardScenario();
        Adjustment(scenario.Customer, scenario.Program, -100, on: scenario.Crm);

        scenario.Redeem();

        Assert.Equal(100,
            scenario.Crm.Get(Contact.EntityLogicalName, scenario.Customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
    }

    [Fact]
    public void Should_ExpireTheLapsedLotAndReportNoFailure_When_AMemberAlsoHasAnAdjustEntry()
    {
        var program = Data.Program();
        var customer = Data.Contact();
        Data.AvailablePoints(customer, program, 80, l => l[LoyaltyTransaction.Fields.ExpiresOn] = _crm.Clock.UtcNow.AddDays(-1));
        Adjustment(customer, program, 30);

        var response = Process();

        Assert.Equal(1, response.Results["Expired"]);
        Assert.Equal(0, response.Results["Failed"]);
        Assert.Equal(30, _crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
    }

    [Fact]
    public void Should_ProcessTheOtherMembersAndReportTheFailingOne_When_OneMembersLedgerHasARowWithoutAType()
    {
        var program = Data.Program();
        var broken = Data.Contact();
        var brokenRow = Data.AvailablePoints(broken, program, 500, l => l.Attributes.Remove(LoyaltyTransaction.Fields.EntryType));
        var healthy = Data.Contact();
        Data.AvailablePoints(healthy, program, 80, l => l[LoyaltyTransaction.Fields.ExpiresOn] = _crm.Clock.UtcNow.AddDays(-1));

        var response = Process();

        Assert.Equal(1, response.Results["Expired"]);
        Assert.Equal(1, response.Results["Failed"]);
        Assert.Equal(0, _crm.Get(Contact.EntityLogicalName, healthy.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
        Assert.Null(_crm.Get(Contact.EntityLogicalName, broken.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
        Assert.Equal(1,
            _crm.All(LoyaltyTransaction.EntityLogicalName)
            .Count(row => row.GetAttributeValue<EntityReference>(LoyaltyTransaction.Fields.CustomerId).Id == broken.Id));
        Assert.Contains(_crm.Traces, trace => trace.Text.Contains(brokenRow.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Should_PayWithoutAnOverflow_When_TheLedgerHoldsAHugeRow()
    {
        var program = Data.Program();
        var customer = Data.Contact();
        Data.AvailablePoints(customer, program, int.MaxValue);
        Data.AvailablePoints(customer, program, 1_000);
        var family = Data.Product();
        var invoice = Data.Invoice(customer);
        Data.Line(invoice, Data.ProductIn(family), 100m);

        Data.Pay(invoice);

        var stored = _crm.Get(Contact.EntityLogicalName, customer.Id)!.ToEntity<Contact>();
        Assert.Equal(int.MaxValue, stored.PointsBalance);
        Assert.Equal((int)GlobalChoices.LifecycleStage.New, stored.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);
    }

    /// <summary>An Adjust entry as cx_AdjustPoints stores it (seeded: existing data).</summary>
    private void Adjustment(Contact customer, LoyaltyProgram program, int points, DataverseEmulator? on = null)
    {
        var crm = on ?? _crm;
        var row = new LoyaltyTransaction
        {
            Id = Guid.NewGuid(),
            [LoyaltyTransaction.Fields.Name] = "Adjust",
            [LoyaltyTransaction.Fields.CustomerId] = customer.ToEntityReference(),
            [LoyaltyTransaction.Fields.LoyaltyProgramId] = program.ToEntityReference(),
            [LoyaltyTransaction.Fields.EntryType] = new OptionSetValue((int)GlobalChoices.LedgerEntryType.Adjust),
            [LoyaltyTransaction.Fields.EntryStatus] = new OptionSetValue(
                (int)(points > 0 ? GlobalChoices.LedgerEntryStatus.Available : GlobalChoices.LedgerEntryStatus.Adjusted)),
            [LoyaltyTransaction.Fields.Points] = points,
            [LoyaltyTransaction.Fields.EarnedOn] = crm.Clock.UtcNow.AddDays(-2),
            [LoyaltyTransaction.Fields.SourceKey] = "adjust:" + Guid.NewGuid(),
            [LoyaltyTransaction.Fields.Reason] = "Goodwill after a late delivery.",
            [LoyaltyTransaction.Fields.AdjustmentReason] = new OptionSetValue((int)GlobalChoices.AdjustmentReason.Goodwill),
        };
        if (points > 0)
        {
            row[LoyaltyTransaction.Fields.AvailableOn] = crm.Clock.UtcNow.AddDays(-2);
            row[LoyaltyTransaction.Fields.ExpiresOn] = crm.Clock.UtcNow.AddDays(300);
        }

        crm.Seed(row);
    }

    private OrganizationResponse Process() => _crm.Service.Execute(new OrganizationRequest(ProcessLoyaltyLedger.Api));
}
