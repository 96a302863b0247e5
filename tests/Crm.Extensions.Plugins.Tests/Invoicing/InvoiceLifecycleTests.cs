using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Invoicing;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Invoicing;

/// <summary>Invoice paid/cancelled moves the lifecycle stage at once (sync) and records one transition per change.</summary>
public sealed class InvoiceLifecycleTests
{
    [Fact]
    public void Should_MoveAProspectToNewWithOneTransition_When_TheFirstInvoiceIsPaid()
    {
        var scenario = new InvoiceScenario(100m);

        scenario.Data.Pay(scenario.Invoice);

        Assert.Equal((int)GlobalChoices.LifecycleStage.New,
            scenario.StoredCustomer.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);
        var transition = Assert.Single(scenario.Crm.All(LifecycleTransition.EntityLogicalName));
        Assert.Equal((int)LifecycleTransition.TriggerChoice.InvoicePaid,
            transition.GetAttributeValue<OptionSetValue>(LifecycleTransition.Fields.Trigger).Value);
        Assert.Equal((int)GlobalChoices.LifecycleStage.Prospect,
            transition.GetAttributeValue<OptionSetValue>(LifecycleTransition.Fields.FromStage).Value);
    }

    [Fact]
    public void Should_WriteNoTransition_When_TheStageDoesNotChange()
    {
        var scenario = new InvoiceScenario(100m);
        scenario.Data.PaidEarlier(scenario.Customer);
        scenario.Crm.CreateOrganizationService(null)
            .Update(
                new Entity(Contact.EntityLogicalName, scenario.Customer.Id) {
                    [Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat) });
        scenario.Data.PaidEarlier(scenario.Customer);

        scenario.Data.Pay(scenario.Invoice);

        Assert.Equal(0, scenario.Crm.Count(LifecycleTransition.EntityLogicalName));
        Assert.Equal((int)GlobalChoices.LifecycleStage.Repeat,
            scenario.StoredCustomer.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);
    }

    [Fact]
    public void Should_MoveBackToProspect_When_TheOnlyPaidInvoiceIsCancelled()
    {
        var scenario = new InvoiceScenario(100m);
        scenario.Data.Pay(scenario.Invoice);

        scenario.Data.Cancel(scenario.Invoice);

        Assert.Equal((int)GlobalChoices.LifecycleStage.Prospect,
            scenario.StoredCustomer.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);
        Assert.Equal(2, scenario.Crm.Count(LifecycleTransition.EntityLogicalName));
    }

    [Fact]
    public void Should_FireTheLifecycleStepSynchronouslyAtDepthOne_When_InvoiceIsPaid()
    {
        var scenario = new InvoiceScenario(100m);

        scenario.Data.Pay(scenario.Invoice);

        var step = Assert.Single(scenario.Crm.FiredSteps, s => s.PluginType == typeof(InvoiceLifecycle).FullName);
        Assert.False(step.IsAsync);
        Assert.Equal(1, step.Depth);
    }
}
