using System;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// cx_CancelRedemption (cancel and refund) and cx_MarkVoucherUsed, called through the pipeline by users made from the
/// shipped roles. The member starts with 500 points and redeems a 300-point reward, leaving 200.
/// </summary>
public sealed class VoucherActionsTests
{
    private const int MissingPrivilege = -2147220960;

    private readonly RedeemRewardScenario _scenario = new();

    private Emulator.DataverseEmulator Crm => _scenario.Crm;

    private Guid User(string role, int language = 1033) => Crm.CreateUser(role + " user", uiLanguageId: language, roles: new[] { role });

    private EntityReference Redeemed() => Assert.IsType<EntityReference>(_scenario.Redeem().Results["Redemption"]);

    private static OrganizationResponse Cancel(IOrganizationService service, EntityReference redemption) =>
        service.Execute(new OrganizationRequest(CancelRedemption.Api) { [CancelRedemption.Redemption] = redemption });

    private static OrganizationResponse MarkUsed(IOrganizationService service, EntityReference redemption) =>
        service.Execute(new OrganizationRequest(MarkVoucherUsed.Api) { [MarkVoucherUsed.Redemption] = redemption });

    private string Fingerprint() =>
        LedgerFingerprint.Of(Crm, LoyaltyTransaction.EntityLogicalName, Contact.EntityLogicalName, RewardRedemption.EntityLogicalName);

    private int Balance()
        => Crm.Get(Contact.EntityLogicalName, _scenario.Customer.Id)!.GetAttributeValue<int>(Contact.Fields.PointsBalance);

    private int StatusOf(EntityReference redemption) =>
        Crm.Get(RewardRedemption.EntityLogicalName, redemption.Id)!
            .GetAttributeValue<OptionSetValue>(RewardRedemption.Fields.RedemptionStatus).Value;

    private static OrganizationServiceFault Refused(Action act) => Assert.Throws<FaultException<OrganizationServiceFault>>(act).Detail;

    [Fact]
    public void Should_RefundTheSpentPointsAndCancelTheVoucher_When_ALoyaltyAdministratorCancelsAnIssuedRedemption()
    {
        var redemption = Redeemed();
        Assert.Equal(200, Balance());

        var response = Cancel(Crm.ServiceAs(User("Loyalty Administrator")), redemption);

        var refund = Crm.Get(LoyaltyTransaction.EntityLogicalName,
            Assert.IsType<EntityReference>(response.Results[CancelRedemption.Refund]).Id)!;
        Assert.Equal(500, response.Results[CancelRedemption.Balance]);
        Assert.Equal(500, Balance());
        Assert.Equal(300, refund.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points));
        Assert.Equal((int)GlobalChoices.LedgerEntryType.Refund,
            refund.GetAttributeValue<OptionSetValue>(LoyaltyTransaction.Fields.EntryType).Value);
        Assert.Equal((int)RewardRedemption.RedemptionStatusChoice.Cancelled, StatusOf(redemption));
        // Balanced: the redeem entry and its refund cancel out on the ledger.
        Assert.Equal(500,
            Crm.All(LoyaltyTransaction.EntityLogicalName).Sum(row => row.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points)));
    }

    [Fact]
    public void Should_RefuseInSpanishAndChangeNoRows_When_TheRedemptionIsCancelledASecondTime()
    {
        var redemption = Redeemed();
        Cancel(Crm.ServiceAs(User("Loyalty Administrator")), redemption);
        var spanish = Crm.ServiceAs(User("Loyalty Administrator", language: 3082));
        var before = Fingerprint();

        var refusal = Refused(() => Cancel(spanish, redemption));

        Assert.Contains("ya está cancelado y sus puntos se reembolsaron", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
        Assert.Equal(500, Balance());
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_TheVoucherWasAlreadyUsed()
    {
        var redemption = Redeemed();
        var administrator = Crm.ServiceAs(User("Loyalty Administrator"));
        MarkUsed(administrator, redemption);
        var before = Fingerprint();

        var refusal = Refused(() => Cancel(administrator, redemption));

        Assert.Contains("has been used, so it cannot be cancelled", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_ARelationshipUserCancelsForACustomerTheyCannotEdit()
    {
        // The scenario's customer is SYSTEM's; a relationship user writes only the contacts they own (Basic depth).
        var redemption = Redeemed();
        var clerk = Crm.ServiceAs(User("Customer Relationship User"));
        var before = Fingerprint();

        var refusal = Refused(() => Cancel(clerk, redemption));

        Assert.Contains("only for a customer you may edit", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefundThePoints_When_ARelationshipUserCancelsForTheirOwnCustomer()
    {
        var clerkId = User("Customer Relationship User");
        var clerk = Crm.ServiceAs(clerkId);
        var own = _scenario.Data.Contact(c => c["ownerid"] = new EntityReference(SystemUser.EntityLogicalName, clerkId));
        _scenario.Data.AvailablePoints(own, _scenario.Program, 400);
        var redemption = Assert.IsType<EntityReference>(_scenario.Redeem(clerk, customer: own.ToEntityReference()).Results["Redemption"]);

        var response = Cancel(clerk, redemption);

        Assert.Equal(400, response.Results[CancelRedemption.Balance]);
        Assert.Equal(400, Crm.Get(Contact.EntityLogicalName, own.Id)!.GetAttributeValue<int>(Contact.Fields.PointsBalance));
    }

    [Fact]
    public void Should_RefuseWithTheMissingPrivilege_When_AStrategyManagerCancels()
    {
        var redemption = Redeemed();
        var manager = Crm.ServiceAs(User("CRM Strategy Manager"));
        var before = Fingerprint();

        var refusal = Refused(() => Cancel(manager, redemption));

        Assert.Equal(MissingPrivilege, refusal.ErrorCode);
        Assert.Contains("prvWritecx_RewardRedemption", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_TheRedemptionIsMissing()
    {
        var before = Fingerprint();

        var refusal = Refused(() => Cancel(Crm.ServiceAs(User("Loyalty Administrator")), _scenario.Customer.ToEntityReference()));

        Assert.Contains("Choose the reward redemption (the voucher) to act on.", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseAPersonsOwnStatusChange_When_TheyEditTheRedemptionDirectly()
    {
        // Write on redemptions is the APIs' execute privilege; setting the status by hand would cancel without a refund.
        var redemption = Redeemed();
        var administrator = Crm.ServiceAs(User("Loyalty Administrator"));
        var before = Fingerprint();

        var refusal = Refused(() => administrator.Update(new Entity(RewardRedemption.EntityLogicalName, redemption.Id)
        {
            [RewardRedemption.Fields.RedemptionStatus] = new OptionSetValue((int)RewardRedemption.RedemptionStatusChoice.Cancelled),
        }));

        Assert.Contains("are changed only by \"Mark voucher used\" and \"Cancel redemption\"", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_MarkTheVoucherUsedWithoutTouchingThePoints_When_ItIsIssued()
    {
        var redemption = Redeemed();

        MarkUsed(Crm.ServiceAs(User("Loyalty Administrator")), redemption);

        Assert.Equal((int)RewardRedemption.RedemptionStatusChoice.Used, StatusOf(redemption));
        Assert.Equal(200, Balance());
    }

    [Fact]
    public void Should_RefuseInSpanishAndChangeNoRows_When_TheVoucherIsMarkedUsedTwice()
    {
        var redemption = Redeemed();
        MarkUsed(Crm.ServiceAs(User("Loyalty Administrator")), redemption);
        var spanish = Crm.ServiceAs(User("Loyalty Administrator", language: 3082));
        var before = Fingerprint();

        var refusal = Refused(() => MarkUsed(spanish, redemption));

        Assert.Contains("ya se usó; un vale se usa una sola vez", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_ACancelledVoucherIsMarkedUsed()
    {
        var redemption = Redeemed();
        var administrator = Crm.ServiceAs(User("Loyalty Administrator"));
        Cancel(administrator, redemption);
        var before = Fingerprint();

        var refusal = Refused(() => MarkUsed(administrator, redemption));

        Assert.Contains("was cancelled and its points refunded, so it cannot be used", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_TheVoucherIsPastItsLastValidDay()
    {
        var redemption = Redeemed();
        Crm.Service.Update(new Entity(RewardRedemption.EntityLogicalName, redemption.Id)
        {
            [RewardRedemption.Fields.ValidUntil] = Crm.Clock.UtcNow.Date.AddDays(-1),
        });
        var before = Fingerprint();

        var refusal = Refused(() => MarkUsed(Crm.ServiceAs(User("Loyalty Administrator")), redemption));

        Assert.Contains("so it can no longer be used", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
    }
}
