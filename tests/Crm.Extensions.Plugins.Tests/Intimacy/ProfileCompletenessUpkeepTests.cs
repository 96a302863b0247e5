using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator.Observability;
using Crm.Extensions.Plugins.Intimacy;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Intimacy;

/// <summary>
/// cx_profilecompleteness follows the eight answers (12.5 points each, rounded): every event that changes an answer
/// recomputes it in an async job, and an unchanged score writes nothing.
/// </summary>
public sealed class ProfileCompletenessUpkeepTests
{
    /// <summary>Existence checks inside the batch; the customer row is one more unless a post-image carries it.</summary>
    private const int ProfileQuestionQueries = 7;

    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public ProfileCompletenessUpkeepTests() => _data = new DataProducer(_crm);

    private int? Completeness(Entity customer) =>
        _crm.Get(customer.LogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.ProfileCompleteness);

    private bool Fired(string message, string table) => _crm.FiredSteps.Any(s =>
        s.PluginType == typeof(KeepProfileCompleteness).FullName && s.Message == message && s.PrimaryEntity == table && s.Stage == 40
            && s.IsAsync);

    private void DrainAndExpectSuccess()
    {
        _crm.DrainAsyncJobs();
        Assert.DoesNotContain(_crm.SystemJobs, job => job.Status == SystemJobStatus.Failed);
    }

    [Fact]
    public void Should_AnswerWhyAndLastInteraction_When_AnInteractionWithReasonAndDurationIsCreated()
    {
        var contact = _data.Contact();

        _crm.Service.Create(_data.NewInteraction(contact));
        Assert.Null(Completeness(contact));
        DrainAndExpectSuccess();

        Assert.Equal(25, Completeness(contact));
        Assert.True(Fired("Create", Interaction.EntityLogicalName));
    }

    [Fact]
    public void Should_AnswerTheLastInteraction_When_ItsDurationIsAddedLater()
    {
        var contact = _data.Contact();
        var id = _crm.Service.Create(_data.NewInteraction(contact, i => i.DurationMinutes = null));
        DrainAndExpectSuccess();
        Assert.Equal(13, Completeness(contact));

        _crm.Service.Update(new Interaction { Id = id, DurationMinutes = 7 });
        DrainAndExpectSuccess();

        Assert.Equal(25, Completeness(contact));
        Assert.True(Fired("Update", Interaction.EntityLogicalName));
    }

    [Fact]
    public void Should_AnswerHowWeResponded_When_TheInteractionRecordsAnOutcome()
    {
        var contact = _data.Contact();

        _crm.Service.Create(_data.NewInteraction(contact, i => i.Outcome = "Courier rebooked"));
        DrainAndExpectSuccess();

        Assert.Equal(38, Completeness(contact));
    }

    [Fact]
    public void Should_AnswerPreferencesAndInterest_When_APreferenceNamesAProduct()
    {
        var contact = _data.ConsentingContact();
        var product = _data.Product();

        _crm.Service.Create(_data.NewPreference(contact, p => p.ProductId = product.ToEntityReference()));
        DrainAndExpectSuccess();

        Assert.Equal(25, Completeness(contact));
        Assert.True(Fired("Create", Preference.EntityLogicalName));
    }

    [Fact]
    public void Should_LowerTheScore_When_TheOnlyPreferenceIsDeleted()
    {
        var contact = _data.ConsentingContact();
        var id = _crm.Service.Create(_data.NewPreference(contact));
        DrainAndExpectSuccess();
        Assert.Equal(13, Completeness(contact));

        _crm.Service.Delete(Preference.EntityLogicalName, id);
        DrainAndExpectSuccess();

        Assert.Equal(0, Completeness(contact));
        Assert.True(Fired("Delete", Preference.EntityLogicalName));
    }

    [Fact]
    public void Should_RecomputeBothCustomers_When_APreferenceMovesToAnotherCustomer()
    {
        var first = _data.ConsentingContact();
        var second = _data.ConsentingContact();
        var id = _crm.Service.Create(_data.NewPreference(first));
        DrainAndExpectSuccess();

        _crm.Service.Update(new Preference { Id = id, CustomerId = second.ToEntityReference() });
        DrainAndExpectSuccess();

        Assert.Equal(0, Completeness(first));
        Assert.Equal(13, Completeness(second));
        Assert.True(Fired("Update", Preference.EntityLogicalName));
    }

    [Fact]
    public void Should_AnswerProblemsExperienced_When_ACaseIsOpened()
    {
        var contact = _data.Contact();

        _crm.Service.Create(_data.NewCase(contact));
        DrainAndExpectSuccess();

        Assert.Equal(13, Completeness(contact));
        Assert.True(Fired("Create", Incident.EntityLogicalName));
    }

    [Fact]
    public void Should_AnswerStageAndProductsBought_When_TheCustomersStageAndFirstPaidInvoiceAreKept()
    {
        var contact = _data.Contact();

        _crm.CreateOrganizationService(null).Update(new Contact
        {
            Id = contact.Id,
            [Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.New),
            [Contact.Fields.PaidInvoiceCount] = 1,
        });
        _crm.ResetObservations();
        DrainAndExpectSuccess();

        Assert.Equal(25, Completeness(contact));
        Assert.True(Fired("Update", Contact.EntityLogicalName));
        Assert.Equal(ProfileQuestionQueries, _crm.Requests.PluginCount("RetrieveMultiple"));
    }

    [Fact]
    public void Should_MakeNoRequest_When_AnotherPaidInvoiceChangesNoAnswer()
    {
        var contact = _data.Contact();
        _crm.CreateOrganizationService(null).Update(new Contact { Id = contact.Id, [Contact.Fields.PaidInvoiceCount] = 1 });
        DrainAndExpectSuccess();
        var scored = Completeness(contact);
        _crm.ResetObservations();

        _crm.CreateOrganizationService(null).Update(new Contact { Id = contact.Id, [Contact.Fields.PaidInvoiceCount] = 2 });
        _crm.Requests.Reset(); // the sync guard's SYSTEM check is not the profile step's
        DrainAndExpectSuccess();

        Assert.True(Fired("Update", Contact.EntityLogicalName));
        Assert.Equal(0, _crm.Requests.PluginTotal);
        Assert.Equal(scored, Completeness(contact));
    }

    [Fact]
    public void Should_ScoreAnAccount_When_ItsStageChanges()
    {
        var account = _data.Account();

        _crm.CreateOrganizationService(null)
            .Update(
                new Account { Id = account.Id,
                    [Account.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Prospect) });
        DrainAndExpectSuccess();

        Assert.Equal(13, Completeness(account));
        Assert.True(Fired("Update", Account.EntityLogicalName));
    }

    [Fact]
    public void Should_WriteNothing_When_TheScoreDoesNotChange()
    {
        var contact = _data.Contact(c => c.ProfileCompleteness = 25);
        _crm.Service.Create(_data.NewInteraction(contact));
        _crm.ResetObservations();

        _crm.DrainAsyncJobs();

        Assert.True(Fired("Create", Interaction.EntityLogicalName));
        Assert.Equal(0, _crm.Requests.PluginCount("Update"));
        Assert.Equal(25, Completeness(contact));
    }

    [Fact]
    public void Should_NotRecompute_When_AnUnrelatedCustomerColumnChanges()
    {
        var contact = _data.Contact();

        _crm.Service.Update(new Contact { Id = contact.Id, JobTitle = "Buyer" });
        _crm.DrainAsyncJobs();

        Assert.False(Fired("Update", Contact.EntityLogicalName));
        Assert.Null(Completeness(contact));
    }

    [Fact]
    public void Should_ReadTheFactsAndTheCustomerWithoutABatchRequest_When_ARelatedRowChanges()
    {
        var contact = _data.Contact();
        _crm.Service.Create(_data.NewCase(contact));
        _crm.ResetObservations();

        _crm.DrainAsyncJobs();

        Assert.Equal(0, _crm.Requests.PluginCount("ExecuteMultiple"));
        Assert.Equal(ProfileQuestionQueries + 1, _crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Equal(0, _crm.Requests.PluginCount("Retrieve"));
        Assert.Equal(1, _crm.Requests.PluginCount("Update"));
    }
}
