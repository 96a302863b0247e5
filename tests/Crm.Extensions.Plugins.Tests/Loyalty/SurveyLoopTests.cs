using System.Linq;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>The post-sale survey loop: validation (sync), detractor and promoter consequences (async, idempotent).</summary>
public sealed class SurveyLoopTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();

    private DataProducer Data => new(_crm);

    [Fact]
    public void Should_RefuseAndStoreNothing_When_TheNpsScoreIsOutOfRange()
    {
        var customer = Data.Contact();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _crm.Service.Create(Survey(customer, nps: 11)));

        Assert.Contains("The recommendation score (NPS) must be between 0 and 10; it was 11.", refusal.Detail.Message);
        Assert.Equal(0, _crm.Count(SatisfactionSurvey.EntityLogicalName));
    }

    [Fact]
    public void Should_StampTheDetractorClassAndAnsweredStatus_When_TheNpsIsLow()
    {
        var customer = Data.Contact();

        var id = _crm.Service.Create(Survey(customer, nps: 4));

        var stored = _crm.Get(SatisfactionSurvey.EntityLogicalName, id)!;
        Assert.Equal((int)SatisfactionSurvey.NpsCategoryChoice.Detractor,
            stored.GetAttributeValue<OptionSetValue>(SatisfactionSurvey.Fields.NpsCategory).Value);
        Assert.Equal((int)SatisfactionSurvey.SurveyStatusChoice.Answered,
            stored.GetAttributeValue<OptionSetValue>(SatisfactionSurvey.Fields.SurveyStatus).Value);
    }

    [Fact]
    public void Should_CreateARetentionTaskFlagTheJourneyAndBlockUpgrades_When_TheAnswerIsADetractor()
    {
        var customer = Data.Contact();
        var journey = Data.Journey(customer, Data.Product());

        _crm.Service.Create(Survey(customer, nps: 3));
        _crm.DrainAsyncJobs();

        var task = Assert.Single(_crm.All(Task.EntityLogicalName));
        Assert.Equal(customer.Id, task.GetAttributeValue<EntityReference>(Task.Fields.RegardingObjectId).Id);
        Assert.True(_crm.Get(LoyaltyJourney.EntityLogicalName, journey.Id)!.GetAttributeValue<bool?>(LoyaltyJourney.Fields.IsAtRisk));
        Assert.True(_crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<bool?>(Contact.Fields.UpgradeBlocked));
    }

    [Fact]
    public void Should_KeepOneRetentionTask_When_TheDetractorAnswerIsSavedAgain()
    {
        var customer = Data.Contact();
        var id = _crm.Service.Create(Survey(customer, nps: 3));
        _crm.DrainAsyncJobs();

        _crm.Service.Update(new Entity(SatisfactionSurvey.EntityLogicalName, id) { [SatisfactionSurvey.Fields.NpsScore] = 2 });
        _crm.DrainAsyncJobs();
        _crm.DrainAsyncJobs();

        Assert.Single(_crm.All(Task.EntityLogicalName));
    }

    [Fact]
    public void Should_MoveARepeatCustomerToAdvocate_When_TheyAnswerAsPromoter()
    {
        var customer = Data.Contact(c => c[Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat));
        Data.PaidEarlier(customer);
        var invoice = Data.PaidEarlier(customer);

        var survey = Survey(customer, nps: 10);
        survey[SatisfactionSurvey.Fields.InvoiceId] = invoice.ToEntityReference();
        _crm.Service.Create(survey);
        _crm.DrainAsyncJobs();

        Assert.Equal((int)GlobalChoices.LifecycleStage.Advocate,
            _crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage).Value);
        var transition = Assert.Single(_crm.All(LifecycleTransition.EntityLogicalName));
        Assert.Equal((int)LifecycleTransition.TriggerChoice.Survey,
            transition.GetAttributeValue<OptionSetValue>(LifecycleTransition.Fields.Trigger).Value);
    }

    [Fact]
    public void Should_FireValidationSyncAndFollowUpAsync_When_ASurveyIsAnswered()
    {
        var customer = Data.Contact();

        _crm.Service.Create(Survey(customer, nps: 8));
        _crm.DrainAsyncJobs();

        var steps = _crm.FiredSteps.Where(s => s.PluginType == typeof(SurveyLoopPlugin).FullName).ToList();
        Assert.Contains(steps, s => s.Stage == 20 && !s.IsAsync && s.Message == "Create");
        Assert.Contains(steps, s => s.Stage == 40 && s.IsAsync && s.Message == "Create");
    }

    private static Entity Survey(Entity customer, int nps) => new(SatisfactionSurvey.EntityLogicalName)
    {
        [SatisfactionSurvey.Fields.Name] = "Post-sale survey",
        [SatisfactionSurvey.Fields.CustomerId] = customer.ToEntityReference(),
        [SatisfactionSurvey.Fields.SurveyStatus] = new OptionSetValue((int)SatisfactionSurvey.SurveyStatusChoice.Requested),
        [SatisfactionSurvey.Fields.NpsScore] = nps,
    };
}
