using System;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Lifecycle;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Lifecycle;

public sealed class EvaluateLifecycleTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public EvaluateLifecycleTests() => _data = new DataProducer(_crm);

    private OrganizationResponse Evaluate(EntityReference? customer = null, IOrganizationService? service = null) =>
        (service ?? _crm.Service)
            .Execute(new OrganizationRequest(EvaluateLifecycle.ApiName) { [EvaluateLifecycle.CustomerParameter] = customer });

    private Contact RepeatBuyerLastSeen(int daysAgo)
    {
        var contact = _data.Contact(c => c[Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat));
        _data.PaidInvoiceOn(contact, _crm.Clock.UtcNow.AddDays(-daysAgo - 30));
        _data.PaidInvoiceOn(contact, _crm.Clock.UtcNow.AddDays(-daysAgo));
        return contact;
    }

    private static int? Option(Entity row, string column) => row.GetAttributeValue<OptionSetValue>(column)?.Value;

    [Fact]
    public void Should_MoveToAtRiskWithOneTransition_When_TheLastPurchaseIsPastTheAtRiskThreshold()
    {
        var contact = RepeatBuyerLastSeen(daysAgo: 200);
        _crm.ResetObservations();

        var response = Evaluate();

        Assert.Equal(1, response[EvaluateLifecycle.TransitionsOutput]);
        Assert.Equal((int)GlobalChoices.LifecycleStage.AtRisk,
            Option(_crm.Get(Contact.EntityLogicalName, contact.Id)!, Contact.Fields.LifecycleStage));
        var transition = Assert.Single(_crm.All(LifecycleTransition.EntityLogicalName));
        Assert.Equal((int)GlobalChoices.LifecycleStage.Repeat, Option(transition, LifecycleTransition.Fields.FromStage));
        Assert.Equal((int)GlobalChoices.LifecycleStage.AtRisk, Option(transition, LifecycleTransition.Fields.ToStage));
        Assert.Equal((int)LifecycleTransition.TriggerChoice.BatchEvaluation, Option(transition, LifecycleTransition.Fields.Trigger));
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(EvaluateLifecycle).FullName && s.Stage == 30);
    }

    [Fact]
    public void Should_MoveToLapsed_When_OneCustomerIsEvaluatedAfterAYearOfSilence()
    {
        var contact = RepeatBuyerLastSeen(daysAgo: 400);

        Evaluate(contact.ToEntityReference());

        Assert.Equal((int)GlobalChoices.LifecycleStage.Lapsed,
            Option(_crm.Get(Contact.EntityLogicalName, contact.Id)!, Contact.Fields.LifecycleStage));
        Assert.Equal(1, _crm.Count(LifecycleTransition.EntityLogicalName));
    }

    [Fact]
    public void Should_WriteNothing_When_NoStageChangesOrTheEvaluationRunsAgain()
    {
        RepeatBuyerLastSeen(daysAgo: 10);
        RepeatBuyerLastSeen(daysAgo: 200);
        Evaluate();
        _crm.ResetObservations();

        var response = Evaluate();

        Assert.Equal(0, response[EvaluateLifecycle.TransitionsOutput]);
        Assert.Equal(1, _crm.Count(LifecycleTransition.EntityLogicalName));
        Assert.Equal(0, _crm.Requests.PluginCount("Update") + _crm.Requests.PluginCount("Create"));
    }

    [Fact]
    public void Should_RefuseAndWriteNothing_When_TheCustomerIsNotAContactOrAccount()
    {
        RepeatBuyerLastSeen(daysAgo: 200);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            Evaluate(new EntityReference(CustomerSegment.EntityLogicalName, Guid.NewGuid())));

        Assert.Contains("Choose a contact or an account to evaluate", fault.Message);
        Assert.Equal(0, _crm.Count(LifecycleTransition.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseInSpanish_When_ASpanishUserPassesAnotherTable()
    {
        var user = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            Evaluate(new EntityReference(CustomerSegment.EntityLogicalName, Guid.NewGuid()), _crm.ServiceAs(user)));

        Assert.Contains("Elija un contacto o una cuenta para evaluar", fault.Message);
    }
}
