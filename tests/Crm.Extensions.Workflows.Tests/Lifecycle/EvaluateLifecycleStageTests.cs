using System;
using System.Linq;
using Crm.Extensions.Application.Lifecycle;
using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Lifecycle;

public sealed class EvaluateLifecycleStageTests
{
    private readonly WorkflowRunner _workflow = new();

    private StageEvaluation Evaluate(EntityReference? customer)
    {
        _workflow.Crm.ResetObservations();
        return _workflow.Run(context => Application.Lifecycle.EvaluateLifecycle.Customer(context, context.Workflow.UserId, customer));
    }

    private Contact RepeatBuyerLastSeen(int daysAgo)
    {
        var contact = _workflow.Data.Contact(
            c => c[Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat));
        _workflow.Data.PaidInvoiceOn(contact, _workflow.Crm.Clock.UtcNow.AddDays(-daysAgo - 30));
        _workflow.Data.PaidInvoiceOn(contact, _workflow.Crm.Clock.UtcNow.AddDays(-daysAgo));
        return contact;
    }

    private static int? Option(Entity row, string column) => row.GetAttributeValue<OptionSetValue>(column)?.Value;

    [Fact]
    public void Should_MoveToAtRiskAndRecordOneTransition_When_TheLastPurchaseIsPastTheAtRiskThreshold()
    {
        var contact = RepeatBuyerLastSeen(daysAgo: 200);
        var now = _workflow.Crm.Clock.UtcNow;

        var evaluation = Evaluate(contact.ToEntityReference());

        Assert.True(evaluation.Changed);
        Assert.Equal((int)GlobalChoices.LifecycleStage.AtRisk, evaluation.StageOption);
        Assert.Equal((int)GlobalChoices.LifecycleStage.AtRisk,
            Option(_workflow.Crm.Get(Contact.EntityLogicalName, contact.Id)!, Contact.Fields.LifecycleStage));
        var transition = Assert.Single(_workflow.Crm.All(LifecycleTransition.EntityLogicalName));
        Assert.Equal((int)GlobalChoices.LifecycleStage.Repeat, Option(transition, LifecycleTransition.Fields.FromStage));
        Assert.Equal((int)LifecycleTransition.TriggerChoice.BatchEvaluation, Option(transition, LifecycleTransition.Fields.Trigger));
        Assert.Equal($"lifecycle:ScheduledEvaluation:{contact.Id:D}:{now:yyyy-MM-dd}",
            transition.GetAttributeValue<string>(LifecycleTransition.Fields.SourceKey));
        // Only the guard of the product-managed columns, which lets the product's SYSTEM write of the stage through.
        Assert.Equal(new[] { "Crm.Extensions.Plugins.Loyalty.GuardLoyaltyColumns" }, _workflow.Crm.FiredSteps.Select(s => s.PluginType));
    }

    [Fact]
    public void Should_AnswerTheNewStageUnchangedAndWriteNothing_When_RunAgainTheSameDay()
    {
        var contact = RepeatBuyerLastSeen(daysAgo: 400);
        Evaluate(contact.ToEntityReference());

        var again = Evaluate(contact.ToEntityReference());

        Assert.False(again.Changed);
        Assert.Equal((int)GlobalChoices.LifecycleStage.Lapsed, again.StageOption);
        Assert.Equal(1, _workflow.Crm.Count(LifecycleTransition.EntityLogicalName));
        Assert.Equal(0, _workflow.Writes);
    }

    [Fact]
    public void Should_KeyTheTransitionAsTheCustomApiDoes_When_BothEvaluateOnTheSameDay()
    {
        var byApi = RepeatBuyerLastSeen(daysAgo: 200);
        var byWorkflow = RepeatBuyerLastSeen(daysAgo: 200);
        var now = _workflow.Crm.Clock.UtcNow;

        _workflow.Crm.Service.Execute(new OrganizationRequest("cx_EvaluateLifecycle") { ["Customer"] = byApi.ToEntityReference() });
        Evaluate(byWorkflow.ToEntityReference());

        var keys = _workflow.Crm.All(LifecycleTransition.EntityLogicalName)
            .ToDictionary(t => t.GetAttributeValue<EntityReference>(LifecycleTransition.Fields.CustomerId).Id,
                t => t.GetAttributeValue<string>(LifecycleTransition.Fields.SourceKey));
        Assert.Equal(EvaluateLifecycle.SourceKey(byApi.Id, now), keys[byApi.Id]);
        Assert.Equal(EvaluateLifecycle.SourceKey(byWorkflow.Id, now), keys[byWorkflow.Id]);
        Assert.Equal(
            Option(_workflow.Crm.Get(Contact.EntityLogicalName, byApi.Id)!, Contact.Fields.LifecycleStage),
            Option(_workflow.Crm.Get(Contact.EntityLogicalName, byWorkflow.Id)!, Contact.Fields.LifecycleStage));
    }

    [Fact]
    public void Should_AnswerTheStoredStageAndWriteNothing_When_NothingHasAged()
    {
        var contact = RepeatBuyerLastSeen(daysAgo: 10);

        var evaluation = Evaluate(contact.ToEntityReference());

        Assert.False(evaluation.Changed);
        Assert.Equal((int)GlobalChoices.LifecycleStage.Repeat, evaluation.StageOption);
        Assert.Equal(0, _workflow.Crm.Count(LifecycleTransition.EntityLogicalName));
        Assert.Equal(0, _workflow.Writes);
    }

    [Fact]
    public void Should_RefuseInSpanishAndWriteNothing_When_TheCustomerIsNotAContactOrAccount()
    {
        _workflow.RunAsSpanishUser();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(
            () => Evaluate(new EntityReference(Product.EntityLogicalName, Guid.NewGuid())));

        Assert.Equal("Elija el contacto o la cuenta cuya etapa del ciclo de vida quiere evaluar.", refusal.Message);
        Assert.Equal(0, _workflow.Writes);
        Assert.Equal(0, _workflow.Crm.Count(LifecycleTransition.EntityLogicalName));
    }
}
