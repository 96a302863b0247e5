using System;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// The analysis and lifecycle columns (RFM scores, lifetime value, segment, target flag, stage) and a journey's phase are
/// product-managed like the tier and the balances (solution/SECURITY.md): a person's change is refused by the same guard
/// step, in English or Spanish, and nothing is written; the product's own writes, as SYSTEM, go through.
/// </summary>
public sealed class ProductManagedColumnsTests
{
    private const string RelationshipUser = "Customer Relationship User";
    private const string LoyaltyAdministrator = "Loyalty Administrator";

    private readonly DataverseEmulator _crm = ProductSolution.Start();

    private DataProducer Data => new(_crm);

    private (Guid English, Guid Spanish) Users(string role) =>
        (_crm.CreateUser(role, roles: new[] { role }), _crm.CreateUser(role + " (es)", uiLanguageId: 3082, roles: new[] { role }));

    /// <summary>Runs the write as each user: both refused by the product (IsvAborted), in their language, no row changed.</summary>
    private (string English, string Spanish) RefusedInBothLanguages(
        (Guid English, Guid Spanish) users, Action<Guid, IOrganizationService> write)
    {
        var before = _crm.Snapshot();
        var english = Refusal(() => write(users.English, _crm.ServiceAs(users.English)));
        var spanish = Refusal(() => write(users.Spanish, _crm.ServiceAs(users.Spanish)));
        Assert.True(before.DiffTo(_crm.Snapshot()).IsEmpty, "A refused write changed rows.");
        Assert.Equal(-2147220891, english.ErrorCode);
        Assert.Equal(-2147220891, spanish.ErrorCode);
        return (english.Message, spanish.Message);
    }

    private static OrganizationServiceFault Refusal(Action write) => Assert.Throws<FaultException<OrganizationServiceFault>>(write).Detail;

    public static TheoryData<string> AnalysisColumns() => new()
    {
        Contact.Fields.RecencyScore, Contact.Fields.FrequencyScore, Contact.Fields.MonetaryScore, Contact.Fields.RfmScore,
        Contact.Fields.Clv, Contact.Fields.CustomerSegmentId, Contact.Fields.IsTarget, Contact.Fields.LifecycleStage,
    };

    [Theory]
    [MemberData(nameof(AnalysisColumns))]
    public void Should_RefuseInEnglishAndSpanishWritingNothing_When_RelationshipUserTypesAnAnalysisColumn(string column)
    {
        var users = Users(RelationshipUser);
        // A relationship user writes only the customers they own (Basic), so each user types into their own contact.
        var owned = new[] { users.English, users.Spanish }.ToDictionary(
            user => user, user => Data.Contact(c => c["ownerid"] = new EntityReference(SystemUser.EntityLogicalName, user)).Id);
        object value = column switch
        {
            _ when column == Contact.Fields.Clv => new Money(99_999m),
            _ when column == Contact.Fields.CustomerSegmentId => Data.Segment().ToEntityReference(),
            _ when column == Contact.Fields.IsTarget => true,
            _ when column == Contact.Fields.LifecycleStage => new OptionSetValue((int)GlobalChoices.LifecycleStage.Advocate),
            _ when column == Contact.Fields.RfmScore => 555,
            _ => 5,
        };

        var (english, spanish) = RefusedInBothLanguages(users, (user, service) =>
            service.Update(new Entity(Contact.EntityLogicalName, owned[user]) { [column] = value }));

        Assert.Contains("kept by the product and cannot be changed by hand: " + column, english, StringComparison.Ordinal);
        Assert.Contains("las mantiene el producto y no se pueden cambiar a mano: " + column, spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseInEnglishAndSpanishWritingNothing_When_LoyaltyAdministratorSetsAJourneyPhaseByHand()
    {
        var users = Users(LoyaltyAdministrator);
        var family = Data.Product();
        var journey = Data.Journey(Data.Contact(), family);

        var byHand = new Entity(LoyaltyJourney.EntityLogicalName, journey.Id)
        {
            [LoyaltyJourney.Fields.Phase] = new OptionSetValue((int)GlobalChoices.LoyaltyPhase.IIIRetention),
        };

        var (english, spanish) = RefusedInBothLanguages(users, (_, service) => service.Update(byHand));

        Assert.Contains("cannot be changed by hand: cx_phase", english, StringComparison.Ordinal);
        Assert.Contains("no se pueden cambiar a mano: cx_phase", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_LetALoyaltyAdministratorClearTheRiskFlag_When_TheJourneyIsOtherwiseUnchanged()
    {
        var (administrator, _) = Users(LoyaltyAdministrator);
        var journey = Data.Journey(Data.Contact(), Data.Product(), j => j[LoyaltyJourney.Fields.IsAtRisk] = true);

        var cleared = new Entity(LoyaltyJourney.EntityLogicalName, journey.Id) { [LoyaltyJourney.Fields.IsAtRisk] = false };

        _crm.ServiceAs(administrator).Update(cleared);

        Assert.False(_crm.Get(LoyaltyJourney.EntityLogicalName, journey.Id)!.GetAttributeValue<bool>(LoyaltyJourney.Fields.IsAtRisk));
    }
}
