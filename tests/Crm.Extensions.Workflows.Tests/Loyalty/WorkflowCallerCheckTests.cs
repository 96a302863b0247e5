using System;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Loyalty;

/// <summary>
/// The loyalty activities write as SYSTEM, so each first asks what the workflow's user may do, with users made from the
/// shipped roles (solution/SECURITY.md): points are granted only for a loyalty administrator; points are redeemed, a
/// loyalty phase advanced and a lifecycle stage evaluated only for a customer the user may write. RetrievePrincipalAccess
/// gives the user's rights on a row (learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.retrieveprincipalaccessrequest).
/// </summary>
public sealed class WorkflowCallerCheckTests
{
    private const string RelationshipUser = "Customer Relationship User";
    private const int Growth = (int)GlobalChoices.LoyaltyPhase.IIGrowth;
    private const int Retention = (int)GlobalChoices.LoyaltyPhase.IIIRetention;

    private readonly WorkflowRunner _workflow = new();

    private GrantedPointsResult Grant(Guid user, EntityReference customer)
    {
        _workflow.UserId = user;
        _workflow.Crm.ResetObservations();
        return new GrantedPointsResult(
            _workflow.Run(
                context => Application.Loyalty.GrantPoints.Run(context, context.Workflow.UserId, customer, 250, "Goodwill",
                    "complaint-7")).Entry);
    }

    [Fact]
    public void Should_RefuseGrantAndWriteNothing_When_WorkflowUserIsNotLoyaltyAdministrator()
    {
        _workflow.Data.Program();
        var customer = _workflow.Data.Contact();
        var clerk = _workflow.Crm.CreateUser("Clerk", roles: new[] { "Customer Relationship User" });

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Grant(clerk, customer.ToEntityReference()));

        Assert.StartsWith("Only a loyalty administrator", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, _workflow.Writes);
        Assert.Equal(0, _workflow.Crm.Count(LoyaltyTransaction.EntityLogicalName));
    }

    [Fact]
    public void Should_GrantThePoints_When_WorkflowUserIsLoyaltyAdministrator()
    {
        _workflow.Data.Program();
        var customer = _workflow.Data.Contact();
        var administrator = _workflow.Crm.CreateUser("Admin", roles: new[] { "Loyalty Administrator" });

        var granted = Grant(administrator, customer.ToEntityReference());

        Assert.Equal(250,
            _workflow.Crm.Get(LoyaltyTransaction.EntityLogicalName, granted.Entry.Id)!
            .GetAttributeValue<int>(LoyaltyTransaction.Fields.Points));
        Assert.Equal(250, _workflow.Crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
    }

    [Fact]
    public void Should_RefuseRedemptionAndWriteNothing_When_WorkflowUserCannotWriteTheCustomer()
    {
        var program = _workflow.Data.Program();
        var customer = _workflow.Data.Contact();
        _workflow.Data.AvailablePoints(customer, program, 500);
        var reward = _workflow.Data.Reward(program, pointsCost: 300);
        _workflow.UserId = _workflow.Crm.CreateUser("Clerk", roles: new[] { "Customer Relationship User" });
        _workflow.Crm.ResetObservations();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() =>
            _workflow.Run(
                context => Application.Loyalty.RedeemReward.Run(context, context.Workflow.UserId, customer.ToEntityReference(),
                    reward.ToEntityReference(), context.Workflow.IsInTransaction)));

        Assert.Contains("only for a customer you may edit", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, _workflow.Writes);
        Assert.Equal(0, _workflow.Crm.Count(RewardRedemption.EntityLogicalName));
    }

    [Fact]
    public void Should_AdvanceThePhaseThroughTheGuard_When_WorkflowUserOwnsTheCustomer()
    {
        var clerk = _workflow.Crm.CreateUser("Clerk", roles: new[] { RelationshipUser });
        var family = _workflow.Data.Product();
        var customer = _workflow.Data.Contact(c =>
        {
            c[Contact.Fields.IsTarget] = true;
            c["ownerid"] = new EntityReference(SystemUser.EntityLogicalName, clerk);
        });
        var journey = _workflow.Data.Journey(customer, family, j => j[LoyaltyJourney.Fields.Phase] = new OptionSetValue(Growth));
        _workflow.UserId = clerk;

        var result = _workflow.Run(context =>
            Application.Loyalty.AdvanceLoyaltyPhase.Run(context, context.Workflow.UserId, customer.ToEntityReference(),
                family.ToEntityReference()));

        // The journey is product-managed (GuardLoyaltyColumns): the activity's SYSTEM write goes through, a person's would not.
        Assert.True(result.Advanced);
        var stored = _workflow.Crm.Get(LoyaltyJourney.EntityLogicalName, journey.Id)!;
        Assert.Equal(Retention, stored.GetAttributeValue<OptionSetValue>(LoyaltyJourney.Fields.Phase).Value);
    }

    [Fact]
    public void Should_RefuseAdvanceAndWriteNothing_When_WorkflowUserCannotWriteTheCustomer()
    {
        var family = _workflow.Data.Product();
        var customer = _workflow.Data.Contact(c => c[Contact.Fields.IsTarget] = true);
        _workflow.Data.Journey(customer, family, j => j[LoyaltyJourney.Fields.Phase] = new OptionSetValue(Growth));
        _workflow.UserId = _workflow.Crm.CreateUser("Clerk", roles: new[] { RelationshipUser });
        var before = _workflow.Crm.Snapshot();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() =>
            _workflow.Run(
                context => Application.Loyalty.AdvanceLoyaltyPhase.Run(context, context.Workflow.UserId, customer.ToEntityReference(),
                    family.ToEntityReference())));

        Assert.Contains("only for a customer you may edit", refusal.Message, StringComparison.Ordinal);
        Assert.True(before.DiffTo(_workflow.Crm.Snapshot()).IsEmpty);
    }

    [Fact]
    public void Should_RefuseStageEvaluationAndWriteNothing_When_WorkflowUserCannotWriteTheCustomer()
    {
        var customer = _workflow.Data.Contact();
        _workflow.UserId = _workflow.Crm.CreateUser("Strategist", roles: new[] { "CRM Strategy Manager" });
        var before = _workflow.Crm.Snapshot();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() =>
            _workflow.Run(
                context => Application.Lifecycle.EvaluateLifecycle.Customer(context, context.Workflow.UserId,
                    customer.ToEntityReference())));

        Assert.Contains("only for a customer you may edit", refusal.Message, StringComparison.Ordinal);
        Assert.True(before.DiffTo(_workflow.Crm.Snapshot()).IsEmpty);
    }

    private sealed record GrantedPointsResult(EntityReference Entry);
}
