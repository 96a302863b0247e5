using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Intimacy;

public sealed class LogInteractionTests
{
    private static readonly OptionSetValue Phone = new((int)GlobalChoices.InteractionChannel.Phone);
    private static readonly OptionSetValue Behavioural = new((int)GlobalChoices.InteractionDataKind.Behavioural);
    private static readonly OptionSetValue Preference = new((int)GlobalChoices.InteractionDataKind.Preference);

    private readonly WorkflowRunner _workflow = new();

    private EntityReference Log(EntityReference? customer, OptionSetValue? kind = null, int? duration = 12) =>
        _workflow.Run(
            context => Application.Intimacy.LogInteraction.Run(context, customer, Phone, "Delivery question", kind ?? Behavioural,
                duration));

    [Fact]
    public void Should_CreateTheInteractionAndStampTheCustomer_When_TheInputIsValid()
    {
        var customer = _workflow.Data.Contact();
        var now = _workflow.Crm.Clock.UtcNow;

        var logged = Log(customer.ToEntityReference());

        var row = _workflow.Crm.Get(Interaction.EntityLogicalName, logged.Id)!.ToEntity<Interaction>();
        Assert.Equal(Interaction.EntityLogicalName, logged.LogicalName);
        Assert.Equal(customer.Id, row.CustomerId!.Id);
        Assert.Equal(GlobalChoices.InteractionChannel.Phone, row.Channel);
        Assert.Equal("Delivery question", row.Reason);
        Assert.Equal(12, row.DurationMinutes);
        Assert.Equal(now, row.OccurredOn);
        var stamped = _workflow.Crm.Get(Contact.EntityLogicalName, customer.Id)!.ToEntity<Contact>();
        Assert.Equal(now, stamped.LastInteractionOn);
    }

    [Fact]
    public void Should_RefuseWithThePluginsMessageAndWriteNothing_When_NoCustomerIsGiven()
    {
        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Log(null));

        Assert.Contains("The interaction cannot be saved:", refusal.Message);
        Assert.Contains("choose the customer it belongs to.", refusal.Message);
        Assert.Equal(0, _workflow.Crm.Count(Interaction.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseWithThePluginsMessage_When_TheDurationIsNegative()
    {
        var customer = _workflow.Data.Contact();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Log(customer.ToEntityReference(), duration: -5));

        Assert.Contains("its duration cannot be negative.", refusal.Message);
        Assert.Equal(0, _workflow.Crm.Count(Interaction.EntityLogicalName));
    }

    [Fact]
    public void Should_FailInThePlugin_When_PreferenceDataLacksTheCustomersConsent()
    {
        var customer = _workflow.Data.Contact(c => c.ConsentPreferences = false);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Log(customer.ToEntityReference(), Preference));

        Assert.Contains("has not consented to storing preference data", fault.Message);

        Assert.Equal(0, _workflow.Crm.Count(Interaction.EntityLogicalName));
    }
}
