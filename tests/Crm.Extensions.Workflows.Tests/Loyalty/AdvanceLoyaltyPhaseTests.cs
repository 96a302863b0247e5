using System;
using System.Linq;
using Crm.Extensions.Application.Loyalty;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Loyalty;

public sealed class AdvanceLoyaltyPhaseTests
{
    private static readonly OptionSetValue Growth = new((int)GlobalChoices.LoyaltyPhase.IIGrowth);

    private readonly WorkflowRunner _workflow = new();

    private PhaseAdvanceResult Advance(EntityReference? customer, EntityReference? product)
    {
        _workflow.Crm.ResetObservations();
        return _workflow.Run(context => Application.Loyalty.AdvanceLoyaltyPhase.Run(context, context.Workflow.UserId, customer, product));
    }

    private Entity JourneyRow(Guid id) => _workflow.Crm.Get(LoyaltyJourney.EntityLogicalName, id)!;

    [Fact]
    public void Should_MoveGrowthToRetentionInTheProductsFamily_When_TheCustomerSitsInTheTargetBase()
    {
        var family = _workflow.Data.Product();
        var product = _workflow.Data.ProductIn(family);
        var customer = _workflow.Data.Contact(c => c[Contact.Fields.IsTarget] = true);
        var journey = _workflow.Data.Journey(customer, family,
            j => { j[LoyaltyJourney.Fields.Phase] = Growth; j[LoyaltyJourney.Fields.PurchaseCount] = 2; });

        var result = Advance(customer.ToEntityReference(), product.ToEntityReference());

        Assert.Equal(family.Id, result.FamilyId);
        Assert.Equal((int)GlobalChoices.LoyaltyPhase.IIIRetention, result.PhaseOption);
        var stored = JourneyRow(journey.Id);
        Assert.Equal((int)GlobalChoices.LoyaltyPhase.IIIRetention,
            stored.GetAttributeValue<OptionSetValue>(LoyaltyJourney.Fields.Phase).Value);
        Assert.Contains("|Growth|Retention|TargetBase", stored.GetAttributeValue<string>(LoyaltyJourney.Fields.PhaseHistory),
            StringComparison.Ordinal);
        Assert.Equal(1, _workflow.Crm.Count(LoyaltyJourney.EntityLogicalName));
        // Only the guard of product-managed columns fires, and lets the activity's SYSTEM write through.
        Assert.Equal(
            new[] { "Crm.Extensions.Plugins.Loyalty.GuardLoyaltyColumns" },
            _workflow.Crm.FiredSteps.Select(s => s.PluginType).Distinct());
    }

    [Fact]
    public void Should_AnswerTheSamePhaseAndWriteNothing_When_RunAgain()
    {
        var family = _workflow.Data.Product();
        var customer = _workflow.Data.Contact(c => c[Contact.Fields.IsTarget] = true);
        _workflow.Data.Journey(customer, family, j => j[LoyaltyJourney.Fields.Phase] = Growth);
        Advance(customer.ToEntityReference(), family.ToEntityReference());

        var again = Advance(customer.ToEntityReference(), family.ToEntityReference());

        Assert.False(again.Advanced);
        Assert.Equal((int)GlobalChoices.LoyaltyPhase.IIIRetention, again.PhaseOption);
        Assert.Equal(0, _workflow.Writes);
    }

    [Fact]
    public void Should_KeepPhaseOneAndResolveTheTopLevelFamily_When_TheProductIsAGrandchild()
    {
        var family = _workflow.Data.Product();
        var line = _workflow.Data.ProductIn(family);
        var product = _workflow.Data.ProductIn(line);
        var customer = _workflow.Data.Contact(c => c[Contact.Fields.IsTarget] = true);
        _workflow.Data.Journey(customer, family);

        var result = Advance(customer.ToEntityReference(), product.ToEntityReference());

        Assert.Equal(family.Id, result.FamilyId);
        Assert.Equal((int)GlobalChoices.LoyaltyPhase.IKnowledge, result.PhaseOption);
        Assert.False(result.Advanced);
        Assert.Equal(0, _workflow.Writes);
    }

    [Fact]
    public void Should_AnswerNoPhaseAndWriteNothing_When_TheCustomerHasNoJourneyInTheFamily()
    {
        var family = _workflow.Data.Product();
        var customer = _workflow.Data.Account();

        var result = Advance(customer.ToEntityReference(), family.ToEntityReference());

        Assert.Equal(family.Id, result.FamilyId);
        Assert.Null(result.PhaseOption);
        Assert.Equal(0, _workflow.Writes);
        Assert.Equal(0, _workflow.Crm.Count(LoyaltyJourney.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseInSpanishAndWriteNothing_When_TheProductDoesNotExist()
    {
        var customer = _workflow.Data.Contact();
        _workflow.RunAsSpanishUser();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(
            () => Advance(customer.ToEntityReference(), new EntityReference(Product.EntityLogicalName, Guid.NewGuid())));

        Assert.Equal("El producto no existe.", refusal.Message);
        Assert.Equal(0, _workflow.Writes);
    }

    [Fact]
    public void Should_RefuseInEnglish_When_NoProductIsGiven()
    {
        var customer = _workflow.Data.Contact();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Advance(customer.ToEntityReference(), null));

        Assert.Equal("Choose the product whose product family the loyalty phase belongs to.", refusal.Message);
        Assert.Equal(0, _workflow.Writes);
    }
}
