using System;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// The ledger is append-only and written only by the product as SYSTEM: a user's direct Create, Update or Delete of a
/// cx_loyaltytransaction is refused (en/es) with a pointer to Adjust points, and zero rows change.
/// </summary>
public sealed class GuardLedgerTests
{
    private readonly RedeemRewardScenario _scenario = new();

    private string Fingerprint() => LedgerFingerprint.Of(_scenario.Crm, LoyaltyTransaction.EntityLogicalName, Contact.EntityLogicalName);

    private LoyaltyTransaction HugeBonus() => new()
    {
        [LoyaltyTransaction.Fields.Name] = "Bonus",
        [LoyaltyTransaction.Fields.CustomerId] = _scenario.Customer.ToEntityReference(),
        [LoyaltyTransaction.Fields.LoyaltyProgramId] = _scenario.Program.ToEntityReference(),
        [LoyaltyTransaction.Fields.EntryType] = new OptionSetValue((int)GlobalChoices.LedgerEntryType.Bonus),
        [LoyaltyTransaction.Fields.EntryStatus] = new OptionSetValue((int)GlobalChoices.LedgerEntryStatus.Available),
        [LoyaltyTransaction.Fields.Points] = 2_000_000,
        [LoyaltyTransaction.Fields.EarnedOn] = _scenario.Crm.Clock.UtcNow,
        [LoyaltyTransaction.Fields.SourceKey] = "bonus:by-hand",
        [LoyaltyTransaction.Fields.Reason] = ".",
    };

    [Fact]
    public void Should_RefuseWithTheAdjustPointsHintAndChangeNoRows_When_ALoyaltyAdministratorCreatesALedgerRowDirectly()
    {
        var administrator = _scenario.Crm.CreateUser("Laura Loyalty", roles: new[] { "Loyalty Administrator" });
        var before = Fingerprint();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => _scenario.Crm.ServiceAs(administrator).Create(HugeBonus()));

        Assert.Contains("use Adjust points", refusal.Detail.Message);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseInSpanish_When_ASpanishSpeakingAdministratorCreatesALedgerRowDirectly()
    {
        var administrator = _scenario.Crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => _scenario.Crm.ServiceAs(administrator).Create(HugeBonus()));

        Assert.Contains("use Ajustar puntos", refusal.Detail.Message);
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_AnAdministratorChangesTheLedgerRowsPoints()
    {
        var lot = Lot();
        var before = Fingerprint();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _scenario.Crm.Service.Update(
                new Entity(LoyaltyTransaction.EntityLogicalName, lot) { [LoyaltyTransaction.Fields.Points] = 900_000 }));

        Assert.Contains(GuardLedger.Refusal.English, refusal.Detail.Message);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_AnAdministratorDeletesALedgerRow()
    {
        var lot = Lot();
        var before = Fingerprint();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => _scenario.Crm.Service.Delete(LoyaltyTransaction.EntityLogicalName, lot));

        Assert.Contains(GuardLedger.Refusal.English, refusal.Detail.Message);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_LetTheProductWriteTheLedger_When_ARewardIsRedeemed()
    {
        _scenario.Redeem();

        Assert.Equal(2, _scenario.Crm.Count(LoyaltyTransaction.EntityLogicalName));
        Assert.Contains(_scenario.Crm.FiredSteps, step => step.PluginType == typeof(GuardLedger).FullName && step.Stage == 10);
    }

    private Guid Lot()
    {
        foreach (var row in _scenario.Crm.All(LoyaltyTransaction.EntityLogicalName)) return row.Id;
        throw new InvalidOperationException("The scenario seeds one lot.");
    }
}
