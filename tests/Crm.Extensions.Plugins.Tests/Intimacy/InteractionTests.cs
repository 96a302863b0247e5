using System;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Intimacy;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Intimacy;

public sealed class InteractionTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public InteractionTests() => _data = new DataProducer(_crm);

    [Fact]
    public void Should_StampTheCustomersLastInteraction_When_AnInteractionIsCreated()
    {
        var contact = _data.Contact();
        var interaction = _data.NewInteraction(contact);

        _crm.Service.Create(interaction);

        var stored = _crm.Get(Contact.EntityLogicalName, contact.Id)!.ToEntity<Contact>();
        Assert.Equal(interaction.OccurredOn, stored.LastInteractionOn);
        Assert.Equal(12, stored.LastInteractionDuration);
    }

    [Fact]
    public void Should_StampTheAccountsLastInteraction_When_AnInteractionIsCreatedForAnAccount()
    {
        var account = _data.Account();
        var interaction = _data.NewInteraction(_data.Contact(), i => i.CustomerId = account.ToEntityReference());

        _crm.Service.Create(interaction);

        var stored = _crm.Get(Account.EntityLogicalName, account.Id)!.ToEntity<Account>();
        Assert.Equal(interaction.OccurredOn, stored.LastInteractionOn);
        Assert.Equal(12, stored.LastInteractionDuration);
    }

    [Fact]
    public void Should_KeepTheNewerLastInteraction_When_AnOlderInteractionIsEnteredLate()
    {
        var contact = _data.Contact(c => { c.LastInteractionOn = _crm.Clock.UtcNow.AddMinutes(-10); c.LastInteractionDuration = 3; });

        _crm.Service.Create(_data.NewInteraction(contact, i => i.OccurredOn = _crm.Clock.UtcNow.AddDays(-2)));

        Assert.Equal(3, _crm.Get(Contact.EntityLogicalName, contact.Id)!.ToEntity<Contact>().LastInteractionDuration);
    }

    [Fact]
    public void Should_RefuseWithEveryProblemAndWriteNothing_When_TheInteractionIsInvalid()
    {
        var contact = _data.Contact();
        var interaction = _data.NewInteraction(contact,
            i => { i.CustomerId = null; i.OccurredOn = _crm.Clock.UtcNow.AddDays(3); i.DurationMinutes = -5; });

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _crm.Service.Create(interaction));

        Assert.Contains("choose the customer", fault.Message);
        Assert.Contains("is in the future", fault.Message);
        Assert.Contains("duration cannot be negative", fault.Message);
        Assert.Equal(0, _crm.Count(Interaction.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseInSpanish_When_TheUserWorksInSpanish()
    {
        var user = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);
        var interaction = _data.NewInteraction(_data.Contact(), i => i.DurationMinutes = -1);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _crm.ServiceAs(user).Create(interaction));

        Assert.Contains("su duración no puede ser negativa", fault.Message);
    }

    [Fact]
    public void Should_RefusePreferenceData_When_TheCustomerHasNotConsented()
    {
        var interaction = _data.NewInteraction(_data.Contact(), i => i.Kind = GlobalChoices.InteractionDataKind.Preference);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _crm.Service.Create(interaction));

        Assert.Contains("has not consented", fault.Message);
        Assert.Equal(0, _crm.Count(Interaction.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseAFutureDate_When_AnUpdateMovesTheInteraction()
    {
        var id = _crm.Service.Create(_data.NewInteraction(_data.Contact()));

        Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _crm.Service.Update(new Interaction(id) { OccurredOn = _crm.Clock.UtcNow.AddDays(1) }));

        Assert.True(_crm.Get(Interaction.EntityLogicalName, id)!.ToEntity<Interaction>().OccurredOn < _crm.Clock.UtcNow);
    }

    [Fact]
    public void Should_FireValidationThenStamp_When_AnInteractionIsCreated()
    {
        var contact = _data.Contact();
        _crm.ResetObservations();

        _crm.Service.Create(_data.NewInteraction(contact));

        var fired = _crm.FiredSteps.Where(s => s.PrimaryEntity == Interaction.EntityLogicalName).Select(s => (s.PluginType, s.Stage))
            .ToList();
        Assert.Contains((typeof(ValidateInteraction).FullName!, 10), fired);
        Assert.Contains((typeof(StampLastInteraction).FullName!, 40), fired);
        Assert.Equal(2, _crm.Requests.PluginTotal);
    }
}
