using System;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Loyalty;

/// <summary>
/// The loyalty activities write as SYSTEM, so each first asks what the workflow's user may do, with users made from the
/// shipped roles (solution/SECURITY.md): points are granted only for a loyalty administrator, and redeemed only for a
/// customer the user may write. RetrievePrincipalAccess gives the user's rights on a row
/// (learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.retrieveprincipalaccessrequest).
/// </summary>
public sealed class WorkflowCallerCheckTests
{
    private readonly WorkflowRunner _workflow = new();

    private GrantedPointsResult Grant(Guid user, EntityReference customer)
    {
        _workflow.UserId = user;
        _workflow.Crm.ResetObservations();
        return new GrantedPointsResult(_workflow.Run(context => Application.Loyalty.GrantPoints.Run(context, context.Workflow.UserId, customer, 250, "Goodwill", "complaint-7")).Entry);
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

        Assert.Equal(250, _workflow.Crm.Get(LoyaltyTransaction.EntityLogicalName, granted.Entry.Id)!.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points));
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
            _workflow.Run(context => Application.Loyalty.RedeemReward.Run(context, context.Workflow.UserId, customer.ToEntityReference(), reward.ToEntityReference(), context.Workflow.IsInTransaction)));

        Assert.Contains("only for a customer you may edit", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, _workflow.Writes);
        Assert.Equal(0, _workflow.Crm.Count(RewardRedemption.EntityLogicalName));
    }

    private sealed record GrantedPointsResult(EntityReference Entry);
}
