using System;
using System.IO;
using System.Linq;
using System.ServiceModel;
using System.Xml.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// cx_AdjustPoints: the one guarded path for manual changes to a member's points (a reason code, a note, within the cap,
/// the balance updated in the same transaction), called by a Loyalty Administrator created from the shipped role.
/// </summary>
public sealed class AdjustPointsTests
{
    private readonly RedeemRewardScenario _scenario = new();

    private Guid Administrator(int language = 1033) =>
        _scenario.Crm.CreateUser("Laura Loyalty", uiLanguageId: language, roles: new[] { "Loyalty Administrator" });

    private OrganizationResponse Adjust(Guid user, int points, int? reason = (int)GlobalChoices.AdjustmentReason.Goodwill,
        string? note = "Late delivery.") =>
        _scenario.Crm.ServiceAs(user).Execute(new OrganizationRequest(AdjustPoints.Api)
        {
            [AdjustPoints.Customer] = _scenario.Customer.ToEntityReference(),
            [AdjustPoints.Points] = points,
            [AdjustPoints.ReasonCode] = reason is { } code ? new OptionSetValue(code) : null,
            [AdjustPoints.Note] = note,
        });

    private string Fingerprint() => LedgerFingerprint.Of(_scenario.Crm, LoyaltyTransaction.EntityLogicalName, Contact.EntityLogicalName);

    [Fact]
    public void Should_CreditAnAdjustEntryAndRaiseTheBalance_When_ALoyaltyAdministratorAddsPoints()
    {
        var administrator = Administrator();

        var response = Adjust(administrator, 250);

        var entry = _scenario.Crm.Get(LoyaltyTransaction.EntityLogicalName,
            Assert.IsType<EntityReference>(response.Results[AdjustPoints.Entry]).Id)!.ToEntity<LoyaltyTransaction>();
        Assert.Equal(750, response.Results[AdjustPoints.Balance]);
        Assert.Equal(750,
            _scenario.Crm.Get(Contact.EntityLogicalName, _scenario.Customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
        Assert.Equal((int)GlobalChoices.LedgerEntryType.Adjust,
            entry.GetAttributeValue<OptionSetValue>(LoyaltyTransaction.Fields.EntryType).Value);
        Assert.Equal(250, entry.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points));
        Assert.Equal((int)GlobalChoices.AdjustmentReason.Goodwill,
            entry.GetAttributeValue<OptionSetValue>(LoyaltyTransaction.Fields.AdjustmentReason).Value);
        Assert.Equal("Late delivery.", entry.GetAttributeValue<string>(LoyaltyTransaction.Fields.Reason));
        Assert.Equal(administrator, entry.GetAttributeValue<EntityReference>(LoyaltyTransaction.Fields.AdjustedById).Id);
    }

    [Fact]
    public void Should_DebitTheAvailablePoints_When_TheAdjustmentIsNegative()
    {
        var response = Adjust(Administrator(), -200, (int)GlobalChoices.AdjustmentReason.Correction, "Points granted twice by mistake.");

        Assert.Equal(300, response.Results[AdjustPoints.Balance]);
        Assert.Equal(300,
            _scenario.Crm.Get(Contact.EntityLogicalName, _scenario.Customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
        Assert.Contains(_scenario.Crm.All(LoyaltyTransaction.EntityLogicalName),
            row => row.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points) == -200);
    }

    [Fact]
    public void Should_RefuseInEnglishAndChangeNoRows_When_ThePointsAreZero()
    {
        var administrator = Administrator();
        var before = Fingerprint();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Adjust(administrator, 0));

        Assert.Contains("zero changes nothing", refusal.Detail.Message);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseInSpanishAndChangeNoRows_When_TheCreditIsAboveTheProgramMaximum()
    {
        var administrator = Administrator(language: 3082);
        var before = Fingerprint();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Adjust(administrator, 2_000_000));

        Assert.Contains("Un ajuste puede mover como mucho 1000000 puntos", refusal.Detail.Message);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_TheCreditWouldTakeTheMemberAboveTheCap()
    {
        var administrator = Administrator();
        var before = Fingerprint();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Adjust(administrator, 999_600));

        Assert.Contains("above the program maximum of 1000000", refusal.Detail.Message);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_TheDebitIsLargerThanTheAvailablePoints()
    {
        var administrator = Administrator();
        var before = Fingerprint();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Adjust(administrator, -501));

        Assert.Contains("at most 500 can be removed", refusal.Detail.Message);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_TheNoteIsBlank()
    {
        var administrator = Administrator();
        var before = Fingerprint();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Adjust(administrator, 50, note: "   "));

        Assert.Contains("Write a note", refusal.Detail.Message);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_TheReasonCodeIsNotAnAdjustmentReason()
    {
        var administrator = Administrator();
        var before = Fingerprint();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Adjust(administrator, 50, reason: 42));

        Assert.Contains("Choose the reason for the adjustment", refusal.Detail.Message);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void Should_DeclareTheLedgerCreatePrivilegeWithEnglishAndSpanishLabels_When_TheApiIsShipped()
    {
        var api = XDocument.Load(Path.Combine(ProductSolution.SolutionSource, "customapis", AdjustPoints.Api, "customapi.xml")).Root!;

        Assert.Equal("prvCreatecx_loyaltytransaction", (string?)api.Element("executeprivilegename"));
        Assert.Equal(new[] { "1033", "3082" },
            api.Element("displayname")!.Elements("label").Select(label => (string)label.Attribute("languagecode")!));
    }
}
