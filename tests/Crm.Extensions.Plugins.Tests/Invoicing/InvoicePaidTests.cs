using System.ServiceModel;
using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Invoicing;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Invoicing;

/// <summary>
/// Invoice paid → earn entries per line, balances, journey per family, one survey request: all in the sync InvoiceLifecycle
/// step, in the payment's transaction.
/// </summary>
public sealed class InvoicePaidTests
{
    [Fact]
    public void Should_EarnOneEntryPerLine_When_InvoiceIsPaid()
    {
        var scenario = new InvoiceScenario(100m, 50m, 25.5m);

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        Assert.Equal(new[] { 25, 50, 100 },
            scenario.Ledger.Select(entry => entry.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points)).OrderBy(p => p));
        Assert.All(scenario.Ledger,
            entry => Assert.Equal(scenario.Customer.Id, entry.GetAttributeValue<EntityReference>(LoyaltyTransaction.Fields.CustomerId).Id));
    }

    [Fact]
    public void Should_HoldEarnedPointsAsPending_When_InvoiceIsPaid()
    {
        var scenario = new InvoiceScenario(100m, 50m);

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        var customer = scenario.StoredCustomer;
        Assert.Equal(150, customer.GetAttributeValue<int?>(Contact.Fields.PendingPoints));
        Assert.Equal(0, customer.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
        Assert.Equal(150, customer.GetAttributeValue<int?>(Contact.Fields.QualifyingPoints));
    }

    [Fact]
    public void Should_OpenPhaseOneForTheFamily_When_FirstPurchaseInTheFamilyIsPaid()
    {
        var scenario = new InvoiceScenario(100m, 50m);

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        var journey = Assert.Single(scenario.Crm.All(LoyaltyJourney.EntityLogicalName));
        Assert.Equal(scenario.Family.Id, journey.GetAttributeValue<EntityReference>(LoyaltyJourney.Fields.ProductFamilyId).Id);
        Assert.Equal((int)GlobalChoices.LoyaltyPhase.IKnowledge,
            journey.GetAttributeValue<OptionSetValue>(LoyaltyJourney.Fields.Phase).Value);
        Assert.Equal(1, journey.GetAttributeValue<int?>(LoyaltyJourney.Fields.PurchaseCount));
    }

    [Fact]
    public void Should_RequestOneSurvey_When_InvoiceIsPaid()
    {
        var scenario = new InvoiceScenario(100m, 50m, 10m);

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        var survey = Assert.Single(scenario.Crm.All(SatisfactionSurvey.EntityLogicalName));
        Assert.Equal(scenario.Invoice.Id, survey.GetAttributeValue<EntityReference>(SatisfactionSurvey.Fields.InvoiceId).Id);
    }

    [Fact]
    public void Should_EarnNothing_When_NoLoyaltyProgramIsActive()
    {
        var scenario = new InvoiceScenario(100m);
        scenario.Crm.Service.Update(
            new Entity(LoyaltyProgram.EntityLogicalName, scenario.Program.Id) { [LoyaltyProgram.Fields.StateCode] = new OptionSetValue(1),
                [LoyaltyProgram.Fields.StatusCode] = new OptionSetValue(2) });

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        Assert.Empty(scenario.Ledger);
    }

    [Fact]
    public void Should_RefuseThePaymentWithAClearMessageAndChangeNoRows_When_TheProgramIsMisconfigured()
    {
        // Stored before the program's save guard (GuardLoyaltyProgram) existed, or imported around it.
        var scenario = InvoiceScenario.WithProgram(p => p[LoyaltyProgram.Fields.ExcludedProductFamilies] = "shoes", 100m);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => scenario.Data.Pay(scenario.Invoice));
        scenario.Crm.DrainAsyncJobs();

        Assert.Contains("excluded product families hold 'shoes', which is not a product id", fault.Message);
        Assert.Equal(0,
            scenario.Crm.Get(Invoice.EntityLogicalName, scenario.Invoice.Id)!
            .GetAttributeValue<OptionSetValue>(Invoice.Fields.StateCode).Value);
        Assert.Empty(scenario.Ledger);
        Assert.Equal(0, scenario.Crm.Count(SatisfactionSurvey.EntityLogicalName));
        Assert.Equal(0, scenario.Crm.Count(LoyaltyJourney.EntityLogicalName));
        Assert.Equal(0, scenario.Crm.Count(LifecycleTransition.EntityLogicalName));
        Assert.Null(scenario.StoredCustomer.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount));
    }

    [Fact]
    public void Should_EarnInTheSyncStepAndLeaveTheAsyncStepNothingToDo_When_InvoiceIsPaid()
    {
        var scenario = new InvoiceScenario(100m);

        scenario.Data.Pay(scenario.Invoice);
        Assert.Single(scenario.Ledger);
        scenario.Crm.Requests.Reset();
        scenario.Crm.DrainAsyncJobs();

        var invoiceSteps = scenario.Crm.FiredSteps.Where(step => step.PrimaryEntity == Invoice.EntityLogicalName).ToList();
        Assert.Contains(invoiceSteps, step => step.PluginType == typeof(InvoiceLifecycle).FullName && step.Stage == 40 && !step.IsAsync);
        Assert.Contains(invoiceSteps, step => step.PluginType == typeof(InvoiceLoyalty).FullName && step.Stage == 40 && step.IsAsync);
        // The only async work left is the profile completeness of a customer who just made a first purchase: its reads
        // and its one Update. The invoice's own async step makes no request.
        Assert.Equal(1, scenario.Crm.Requests.PluginCount("Update"));
        Assert.Equal(0, scenario.Crm.Requests.PluginCount("CreateMultiple"));
        Assert.Equal(0, scenario.Crm.Requests.PluginCount("Create"));
        Assert.Contains(scenario.Crm.FiredSteps, step => step.PrimaryEntity == Contact.EntityLogicalName && step.IsAsync);
    }

    [Fact]
    public void Should_FireNoInvoiceStep_When_AnOrdinaryColumnChanges()
    {
        var scenario = new InvoiceScenario(100m);

        scenario.Crm.Service.Update(new Entity(Invoice.EntityLogicalName, scenario.Invoice.Id) { [Invoice.Fields.Description] = "note" });
        scenario.Crm.DrainAsyncJobs();

        Assert.DoesNotContain(scenario.Crm.FiredSteps, step => step.PrimaryEntity == Invoice.EntityLogicalName);
        Assert.Empty(scenario.Ledger);
    }
}
