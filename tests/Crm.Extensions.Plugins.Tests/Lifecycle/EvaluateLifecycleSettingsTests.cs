using System.ServiceModel;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Lifecycle;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Lifecycle;

/// <summary>The lifecycle thresholds come from environment variables, with THRESHOLDS.md defaults when none is set.</summary>
public sealed class EvaluateLifecycleSettingsTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public EvaluateLifecycleSettingsTests() => _data = new DataProducer(_crm);

    private Contact RepeatBuyerLastSeen(int daysAgo)
    {
        var contact = _data.Contact(c => c[Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat));
        _data.PaidInvoiceOn(contact, _crm.Clock.UtcNow.AddDays(-daysAgo - 30));
        _data.PaidInvoiceOn(contact, _crm.Clock.UtcNow.AddDays(-daysAgo));
        return contact;
    }

    private OrganizationResponse Evaluate() => _crm.Service.Execute(new OrganizationRequest(EvaluateLifecycle.ApiName));

    [Fact]
    public void Should_ReturnTheDocumentedDefaults_When_NoVariableHasAValue()
    {
        Assert.Equal(LifecycleThresholds.Default, LifecycleSettings.Read(_crm.Service));
    }

    [Fact]
    public void Should_ReadEveryThresholdInOneQuery_When_VariablesAreSet()
    {
        _data.SetEnvironmentVariable(EnvironmentVariableNames.LoyalWindowMonths, "6");
        _data.SetEnvironmentVariable(EnvironmentVariableNames.PromoterMinimumScore, "10");
        _crm.ResetObservations();

        var settings = LifecycleSettings.Read(_crm.Service);

        Assert.Equal(LifecycleThresholds.Default with { LoyalWindowMonths = 6, PromoterMinimumScore = 10 }, settings);
        Assert.Equal(1, _crm.Requests.CallerTotal);
    }

    [Fact]
    public void Should_MoveToAtRiskSooner_When_TheAtRiskVariableIsLowered()
    {
        var contact = RepeatBuyerLastSeen(daysAgo: 120);
        _data.SetEnvironmentVariable(EnvironmentVariableNames.AtRiskAfterDays, "100");

        var response = Evaluate();

        Assert.Equal(1, response[EvaluateLifecycle.TransitionsOutput]);
        Assert.Equal((int)GlobalChoices.LifecycleStage.AtRisk,
            _crm.Get(Contact.EntityLogicalName, contact.Id)!.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage).Value);
    }

    [Fact]
    public void Should_RefuseAndWriteNothing_When_LapsedComesBeforeAtRisk()
    {
        RepeatBuyerLastSeen(daysAgo: 400);
        _data.SetEnvironmentVariable(EnvironmentVariableNames.LapsedAfterDays, "90");

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Evaluate());

        Assert.Contains("lifecycle environment variables", fault.Message);
        Assert.Equal(0, _crm.Count(Crm.Extensions.EarlyBound.LifecycleTransition.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseInSpanish_When_ASpanishUserRunsWithInconsistentVariables()
    {
        var user = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);
        _data.SetEnvironmentVariable(EnvironmentVariableNames.LapsedAfterDays, "90");

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => _crm.ServiceAs(user).Execute(new OrganizationRequest(EvaluateLifecycle.ApiName)));

        Assert.Contains("variables de entorno del ciclo de vida", fault.Message);
    }
}
