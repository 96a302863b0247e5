using System;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// cx_GetPointsStatement, a function read as the caller: the ledger oldest first with a running balance across earn,
/// expire, bonus, reversal, redeem, adjust and refund. The earlier rows are seeded as the nightly run and invoicing leave
/// them; the last three are written through the APIs in the pipeline.
/// </summary>
public sealed class PointsStatementTests
{
    private readonly RedeemRewardScenario _scenario = new();

    private Emulator.DataverseEmulator Crm => _scenario.Crm;

    private DateTime Now => Crm.Clock.UtcNow;

    private void Seed(GlobalChoices.LedgerEntryType type, GlobalChoices.LedgerEntryStatus status, int points, int daysAgo,
        int? expiresAfterDays = null) =>
        _scenario.Data.AvailablePoints(_scenario.Customer, _scenario.Program, points, row =>
        {
            row[LoyaltyTransaction.Fields.EntryType] = new OptionSetValue((int)type);
            row[LoyaltyTransaction.Fields.EntryStatus] = new OptionSetValue((int)status);
            row[LoyaltyTransaction.Fields.EarnedOn] = Now.AddDays(-daysAgo);
            row[LoyaltyTransaction.Fields.AvailableOn] = points > 0 ? Now.AddDays(-daysAgo) : null;
            row[LoyaltyTransaction.Fields.ExpiresOn] = expiresAfterDays is { } days ? Now.AddDays(-daysAgo + days) : null;
            row[LoyaltyTransaction.Fields.SourceKey] = type + ":" + Guid.NewGuid().ToString("N");
        });

    /// <summary>
    /// Before the pipeline calls: earn 100 (400 days ago, expired 35 days ago, with its expire row), earn 200 (60 days ago),
    /// the scenario's bonus 500 (30 days ago) and a return of 50 (20 days ago): 650 available.
    /// </summary>
    private void SeedHistory()
    {
        Seed(GlobalChoices.LedgerEntryType.Earn, GlobalChoices.LedgerEntryStatus.Expired, 100, daysAgo: 400, expiresAfterDays: 365);
        Seed(GlobalChoices.LedgerEntryType.Expire, GlobalChoices.LedgerEntryStatus.Expired, -100, daysAgo: 35);
        Seed(GlobalChoices.LedgerEntryType.Earn, GlobalChoices.LedgerEntryStatus.Available, 200, daysAgo: 60, expiresAfterDays: 365);
        Seed(GlobalChoices.LedgerEntryType.Reverse, GlobalChoices.LedgerEntryStatus.Reversed, -50, daysAgo: 20);
    }

    /// <summary>Redeem 300, a day later adjust -100, a day later cancel the redemption (refund 300): 550 available.</summary>
    private void ActThroughThePipeline()
    {
        var administrator = Crm.ServiceAs(Crm.CreateUser("Laura Loyalty", roles: new[] { "Loyalty Administrator" }));
        var redemption = (EntityReference)_scenario.Redeem(administrator).Results["Redemption"];
        Crm.Clock.Advance(TimeSpan.FromDays(1));
        administrator.Execute(new OrganizationRequest(AdjustPoints.Api)
        {
            [AdjustPoints.Customer] = _scenario.Customer.ToEntityReference(),
            [AdjustPoints.Points] = -100,
            [AdjustPoints.ReasonCode] = new OptionSetValue((int)GlobalChoices.AdjustmentReason.Correction),
            [AdjustPoints.Note] = "Counted twice.",
        });
        Crm.Clock.Advance(TimeSpan.FromDays(1));
        administrator.Execute(new OrganizationRequest(CancelRedemption.Api) { [CancelRedemption.Redemption] = redemption });
    }

    private OrganizationResponse Statement(IOrganizationService service, EntityReference? customer = null) =>
        service.Execute(
            new OrganizationRequest(GetPointsStatement.Api) {
                [GetPointsStatement.Customer] = customer ?? _scenario.Customer.ToEntityReference() });

    private Guid RelationshipUser() => Crm.CreateUser("Carla Clerk", roles: new[] { "Customer Relationship User" });

    [Fact]
    public void Should_KeepTheRunningBalanceAcrossEveryKindOfEntry_When_TheStatementIsRead()
    {
        SeedHistory();
        ActThroughThePipeline();

        var lines = Assert.IsType<EntityCollection>(Statement(Crm.Service).Results[GetPointsStatement.Lines]).Entities;

        Assert.Equal(
            new[] { "Earn", "Earn", "Expire", "Bonus", "Reverse", "Redeem", "Adjust", "Refund" },
            lines.Select(line => line.GetAttributeValue<string>(PointsStatementReader.EntryType)));
        Assert.Equal(new[] { 100, 200, -100, 500, -50, -300, -100, 300 },
            lines.Select(line => line.GetAttributeValue<int>(PointsStatementReader.Points)));
        Assert.Equal(new[] { 100, 300, 200, 700, 650, 350, 250, 550 },
            lines.Select(line => line.GetAttributeValue<int>(PointsStatementReader.RunningBalance)));
    }

    [Fact]
    public void Should_CloseAtTheMembersAvailablePlusPendingPoints_When_EveryExpiryIsPosted()
    {
        SeedHistory();
        ActThroughThePipeline();
        var customer = Crm.Get(Contact.EntityLogicalName, _scenario.Customer.Id)!;

        var response = Statement(Crm.Service);

        Assert.Equal(550, response.Results[GetPointsStatement.ClosingBalance]);
        Assert.Equal(
            customer.GetAttributeValue<int>(Contact.Fields.PointsBalance) + customer.GetAttributeValue<int>(Contact.Fields.PendingPoints),
            response.Results[GetPointsStatement.ClosingBalance]);
    }

    [Fact]
    public void Should_ShowEachLotsStateAsTheReplayLeavesIt_When_TheStatementIsRead()
    {
        SeedHistory();

        var lines = Assert.IsType<EntityCollection>(Statement(Crm.Service).Results[GetPointsStatement.Lines]).Entities;

        Assert.Equal(
            new[] { "Expired", "Available", "Posted", "Available", "Posted" },
            lines.Select(line => line.GetAttributeValue<string>(PointsStatementReader.State)));
    }

    [Fact]
    public void Should_ReadTheStatementAsTheCaller_When_ARelationshipUserAsksForTheirOwnCustomer()
    {
        var clerk = RelationshipUser();
        var own = _scenario.Data.Contact(c => c["ownerid"] = new EntityReference(SystemUser.EntityLogicalName, clerk));
        _scenario.Data.AvailablePoints(own, _scenario.Program, 120);

        var response = Statement(Crm.ServiceAs(clerk), own.ToEntityReference());

        Assert.Equal(120, response.Results[GetPointsStatement.ClosingBalance]);
    }

    private string[] ReasonsFor(int uiLanguage)
    {
        var reader = Crm.CreateUser("Reader " + uiLanguage, uiLanguageId: uiLanguage, roles: new[] { "Loyalty Administrator" });
        var lines = Assert.IsType<EntityCollection>(Statement(Crm.ServiceAs(reader)).Results[GetPointsStatement.Lines]).Entities;
        return lines.Select(line => line.GetAttributeValue<string>(PointsStatementReader.Reason)).ToArray();
    }

    [Fact]
    public void Should_GiveTheProductsReasonsInEnglish_When_TheCallersLanguageIsEnglish()
    {
        ActThroughThePipeline();
        const string reward = "Coffee voucher";

        var reasons = ReasonsFor(1033);

        Assert.Equal(
            new[] { "Welcome bonus.", $"Redeemed for the reward \"{reward}\".", "Counted twice.",
                $"Refund of the cancelled redemption of \"{reward}\"." },
            reasons);
    }

    [Fact]
    public void Should_GiveTheProductsReasonsInSpanishAndTheNoteAsTyped_When_TheCallersLanguageIsSpanish()
    {
        ActThroughThePipeline();
        const string reward = "Coffee voucher";

        var reasons = ReasonsFor(3082);

        // The scenario's seeded bonus and the adjustment carry typed text, shown as typed; the product's own sentences come in Spanish.
        Assert.Equal(
            new[] { "Welcome bonus.", $"Canjeados por la recompensa \"{reward}\".", "Counted twice.",
                $"Reembolso del canje cancelado de \"{reward}\"." },
            reasons);
    }

    [Fact]
    public void Should_KnowTheWorkflowGrantsDefaultReason_When_ItIsShownInSpanish()
    {
        Assert.Equal(Application.Loyalty.GrantPoints.DefaultReason,
            Domain.Loyalty.Ledger.LedgerReasons.Localize(Application.Loyalty.GrantPoints.DefaultReason.English));
    }

    [Fact]
    public void Should_RefuseWithAClearMessage_When_TheCustomerIsNotAContactOrAccount()
    {
        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => Statement(Crm.Service, _scenario.Reward.ToEntityReference()));

        Assert.Contains("whose points statement you want to see", refusal.Detail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ShipTheStatementAsAFunction_When_TheSolutionIsLoaded()
    {
        // A read-only custom API is a function, called with GET in the Web API
        // (learn.microsoft.com/power-apps/developer/data-platform/custom-api-tables, "Is Function").
        Assert.True(Crm.Metadata.CustomApis[GetPointsStatement.Api].IsFunction);
        Assert.False(Crm.Metadata.CustomApis[CancelRedemption.Api].IsFunction);
    }
}
