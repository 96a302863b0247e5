using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Journeys;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class JourneyEngineTests
{
    private static readonly Guid Tools = new("f0000000-0000-0000-0000-00000000000a");
    private static readonly Guid Garden = new("f0000000-0000-0000-0000-00000000000b");

    [Fact]
    public void Should_OpenPhaseOne_When_TheFirstPaidPurchaseInAFamilyArrives()
    {
        var update = JourneyEngine.OnPaidPurchase(null, Customer, Tools, Guid.NewGuid(), Day(2025, 1, 1), CustomerStanding.Ordinary)!;

        Assert.True(update.IsNew);
        Assert.Equal(JourneyPhase.Knowledge, update.Journey.Phase);
        Assert.Equal(1, update.Journey.PurchaseCount);
        Assert.Equal(new PhaseChange(null, JourneyPhase.Knowledge, Day(2025, 1, 1), PhaseTrigger.FirstPurchase),
            update.Journey.History.Single());
        Assert.Equal($"journey:{Customer}:{Tools}", update.Journey.Key);
    }

    [Fact]
    public void Should_EnterPhaseTwoWithATimestamp_When_TheSecondPurchaseInTheFamilyIsPaid()
    {
        var opened = JourneyEngine.OnPaidPurchase(null, Customer, Tools, Guid.NewGuid(), Day(2025, 1, 1),
            CustomerStanding.Ordinary)!.Journey;

        var update = JourneyEngine.OnPaidPurchase(opened, Customer, Tools, Guid.NewGuid(), Day(2025, 2, 1), CustomerStanding.Ordinary)!;

        Assert.True(update.EnteredGrowth);
        Assert.Equal(JourneyPhase.Growth, update.Journey.Phase);
        Assert.Equal(new[] { Day(2025, 1, 1), Day(2025, 2, 1) }, update.Journey.History.Select(change => change.On));
        Assert.Equal(PhaseTrigger.SecondPurchase, update.Journey.History[1].Trigger);
    }

    [Fact]
    public void Should_CountNothing_When_TheSameInvoiceIsReplayed()
    {
        var invoiceId = Guid.NewGuid();
        var opened = JourneyEngine.OnPaidPurchase(null, Customer, Tools, invoiceId, Day(2025, 1, 1), CustomerStanding.Ordinary)!.Journey;

        Assert.Null(JourneyEngine.OnPaidPurchase(opened, Customer, Tools, invoiceId, Day(2025, 1, 1), CustomerStanding.Ordinary));
    }

    [Fact]
    public void Should_RestartTheCycleForTheNewFamilyOnly_When_ACustomerInPhaseThreeBuysFromAnotherFamily()
    {
        var vip = new CustomerStanding(HoldsVipTier: true, InTargetBase: false);
        var tools = JourneyEngine.OnPaidPurchase(null, Customer, Tools, Guid.NewGuid(), Day(2025, 1, 1), vip)!.Journey;
        tools = JourneyEngine.OnPaidPurchase(tools, Customer, Tools, Guid.NewGuid(), Day(2025, 2, 1), vip)!.Journey;
        Assert.Equal(JourneyPhase.Retention, tools.Phase);

        var updates = JourneyEngine.OnPaidInvoice(new[] { tools }, Customer, new[] { Garden }, Guid.NewGuid(), Day(2025, 3, 1), vip);

        var garden = Assert.Single(updates);
        Assert.Equal(Garden, garden.Journey.FamilyId);
        Assert.Equal(JourneyPhase.Knowledge, garden.Journey.Phase);
        Assert.Equal(JourneyPhase.Retention, tools.Phase);
        Assert.Equal(new[] { JourneyPhase.Knowledge, JourneyPhase.Growth, JourneyPhase.Retention },
            tools.History.Select(change => change.To));
    }

    [Fact]
    public void Should_MoveToPhaseTwoAndClearTheRisk_When_APositiveSurveyArrives()
    {
        var opened = JourneyEngine.OnPaidPurchase(null, Customer, Tools, Guid.NewGuid(), Day(2025, 1, 1),
            CustomerStanding.Ordinary)!.Journey with { AtRisk = true };

        var update = JourneyEngine.OnPositiveSurvey(opened, Day(2025, 1, 20), CustomerStanding.Ordinary)!;

        Assert.Equal(JourneyPhase.Growth, update.Journey.Phase);
        Assert.False(update.Journey.AtRisk);
        Assert.Equal(PhaseTrigger.PositiveSurvey, update.Changes.Single().Trigger);
    }

    [Fact]
    public void Should_EnterPhaseThree_When_AGrowthCustomerJoinsTheTargetBase()
    {
        var journey = new FamilyJourney(Customer, Tools, JourneyPhase.Growth);

        var update = JourneyEngine.OnStandingChanged(journey, new CustomerStanding(false, InTargetBase: true), Day(2025, 4, 1))!;

        Assert.Equal(JourneyPhase.Retention, update.Journey.Phase);
        Assert.Equal(PhaseTrigger.TargetBase, update.Changes.Single().Trigger);
        Assert.Null(
            JourneyEngine.OnStandingChanged(new FamilyJourney(Customer, Tools, JourneyPhase.Knowledge), new CustomerStanding(true, true),
                Day(2025, 4, 1)));
    }

    [Fact]
    public void Should_FlagAtRiskOnce_When_ADetractorSurveyArrives()
    {
        var journey = new FamilyJourney(Customer, Tools, JourneyPhase.Growth);

        var flagged = JourneyEngine.OnDetractorSurvey(journey)!.Journey;

        Assert.True(flagged.AtRisk);
        Assert.Equal(JourneyPhase.Growth, flagged.Phase);
        Assert.Null(JourneyEngine.OnDetractorSurvey(flagged));
    }
}
