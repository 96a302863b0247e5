using System;
using System.Linq;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Settings;

/// <summary>
/// Every entry point that classifies a customer reads the lifecycle thresholds from one source (the environment variables,
/// through the plugin or activity instance's SettingsCache): the invoice-paid step, the survey loop, the scheduled
/// cx_EvaluateLifecycle batch and the "Evaluate lifecycle stage" activity. Four customers with the same history, one per
/// entry point, must end in the same stage. The workflow tests are the one place all four run (the plugins are loaded into
/// the emulator by path, the activity's logic runs in process).
/// </summary>
public sealed class SettingsConsistencyTests
{
    private readonly WorkflowRunner _workflow = new();

    [Fact]
    public void Should_ClassifyIdentically_When_EnvironmentVariablesAreNotDefault()
    {
        // Non-default: a promoter needs 10 (default 9) and 3 purchases (default 2); Repeat from 3 (default 2); Loyal from 6.
        _workflow.Data.SetEnvironmentVariable(EnvironmentVariableNames.PromoterMinimumScore, "10");
        _workflow.Data.SetEnvironmentVariable(EnvironmentVariableNames.AdvocateMinimumPurchases, "3");
        _workflow.Data.SetEnvironmentVariable(EnvironmentVariableNames.RepeatMinimumPurchases, "3");
        _workflow.Data.SetEnvironmentVariable(EnvironmentVariableNames.LoyalMinimumPurchases, "6");
        var byInvoice = NewCustomerWithTwoPurchasesAndAPromoterAnswer();
        var bySurvey = NewCustomerWithTwoPurchasesAndAPromoterAnswer();
        var byBatch = NewCustomerWithTwoPurchasesAndAPromoterAnswer();
        var byWorkflow = NewCustomerWithTwoPurchasesAndAPromoterAnswer();
        var surveyed = _workflow.Data.PaidInvoiceOn(bySurvey, Now);
        _workflow.Data.PaidInvoiceOn(byBatch, Now);
        _workflow.Data.PaidInvoiceOn(byWorkflow, Now);

        // Invoice path: the third purchase is paid through the service (InvoiceLifecycle, sync).
        var third = _workflow.Data.Invoice(byInvoice);
        _workflow.Data.Line(third, _workflow.Data.Product());
        _workflow.Data.Pay(third);
        // Survey path: a promoter answer about the third purchase (SurveyLoopPlugin, async follow-up).
        _workflow.Crm.Service.Create(Survey(bySurvey, surveyed.ToEntityReference(), nps: 9));
        _workflow.Crm.DrainAsyncJobs();
        // Workflow path: the activity's logic, with its own settings cache.
        _workflow.Run(
            context => Application.Lifecycle.EvaluateLifecycle.Customer(context, context.Workflow.UserId, byWorkflow.ToEntityReference()));
        var decidedByEvents = new[] { byInvoice, bySurvey, byWorkflow }.Select(Stage).ToList();
        // Batch path, last: cx_EvaluateLifecycle over every aging customer, so it also re-judges the three others.
        _workflow.Crm.Service.Execute(new OrganizationRequest("cx_EvaluateLifecycle"));

        var stages = decidedByEvents.Append(Stage(byBatch)).ToList();
        Assert.All(stages, stage => Assert.Equal((int)GlobalChoices.LifecycleStage.Repeat, stage));
        // One transition each (New → Repeat): the batch found nothing to change in what the other paths decided.
        var transitions = _workflow.Crm.All(LifecycleTransition.EntityLogicalName);
        Assert.Equal(4, transitions.Count);
        Assert.All(transitions, t => Assert.Equal(
            (int)GlobalChoices.LifecycleStage.Repeat, t.GetAttributeValue<OptionSetValue>(LifecycleTransition.Fields.ToStage).Value));
        // Under the THRESHOLDS.md defaults the same history is an Advocate: the variables, not the defaults, decided.
        var facts = new CustomerLifecycleFacts(3, 3, Now, 9);
        Assert.Equal(LifecycleStage.Advocate, LifecycleRules.Classify(facts, Now, LifecycleThresholds.Default).Stage);
    }

    private DateTime Now => _workflow.Crm.Clock.UtcNow;

    /// <summary>Stage New, paid 20 and 10 days ago, and a promoter answer (9) about the second purchase: seeded, no step fires.</summary>
    private Contact NewCustomerWithTwoPurchasesAndAPromoterAnswer()
    {
        var stageNew = new OptionSetValue((int)GlobalChoices.LifecycleStage.New);
        var customer = _workflow.Data.Contact(c => c[Contact.Fields.LifecycleStage] = stageNew);
        _workflow.Data.PaidInvoiceOn(customer, Now.AddDays(-20));
        var second = _workflow.Data.PaidInvoiceOn(customer, Now.AddDays(-10));
        var answer = Survey(customer, second.ToEntityReference(), nps: 9);
        answer[SatisfactionSurvey.Fields.SurveyStatus] = new OptionSetValue((int)SatisfactionSurvey.SurveyStatusChoice.Answered);
        answer[SatisfactionSurvey.Fields.AnsweredOn] = Now.AddDays(-9);
        _workflow.Crm.Seed(answer);
        return customer;
    }

    private static Entity Survey(Contact customer, EntityReference invoice, int nps) => new(SatisfactionSurvey.EntityLogicalName)
    {
        Id = Guid.NewGuid(),
        [SatisfactionSurvey.Fields.Name] = "Post-sale survey",
        [SatisfactionSurvey.Fields.CustomerId] = customer.ToEntityReference(),
        [SatisfactionSurvey.Fields.InvoiceId] = invoice,
        [SatisfactionSurvey.Fields.SurveyStatus] = new OptionSetValue((int)SatisfactionSurvey.SurveyStatusChoice.Requested),
        [SatisfactionSurvey.Fields.NpsScore] = nps,
    };

    private int? Stage(Contact customer) =>
        _workflow.Crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value;
}
