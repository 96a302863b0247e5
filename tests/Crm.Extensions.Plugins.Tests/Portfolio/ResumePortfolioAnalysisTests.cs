using System;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Portfolio;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

/// <summary>
/// cx_ResumePortfolioAnalysis, the Resume command of a paused or stopped analysis, called by users of the shipped roles:
/// the execute privilege (prvWritecx_PortfolioAnalysis) keeps everyone but the CRM Strategy Manager out, and only a
/// paused or failed analysis is queued again.
/// </summary>
public sealed class ResumePortfolioAnalysisTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly PortfolioScenario _base;

    public ResumePortfolioAnalysisTests() => _base = new PortfolioScenario(_crm);

    [Fact]
    public void Should_RunTheAnalysisToTheEnd_When_AStrategyManagerResumesAPausedOne()
    {
        var analysis = Seeded(Status.Paused, "It paused.");
        var manager = _crm.CreateUser("Marta Estrategia", roles: ["CRM Strategy Manager"]);

        Resume(analysis, _crm.ServiceAs(manager));
        _crm.DrainAsyncJobs();

        var resumed = _base.Analysis(analysis);
        Assert.Equal((Status.Completed, 5), (resumed.AnalysisStatus, resumed.CustomerCount));
        Assert.Null(resumed.ErrorMessage);
    }

    [Fact]
    public void Should_RefuseAndWriteNothing_When_ACustomerRelationshipUserResumes()
    {
        var analysis = Seeded(Status.Failed, "It stopped.");
        var user = _crm.CreateUser("Luis Cuentas", roles: ["Customer Relationship User"]);

        Assert.Throws<FaultException<OrganizationServiceFault>>(() => Resume(analysis, _crm.ServiceAs(user)));

        Assert.Equal((Status.Failed, "It stopped."), (_base.Analysis(analysis).AnalysisStatus, _base.Analysis(analysis).ErrorMessage));
    }

    [Fact]
    public void Should_RefuseInSpanishAndWriteNothing_When_TheAnalysisAlreadyCompleted()
    {
        var analysis = Seeded(Status.Completed, null);
        var manager = _crm.CreateUser("Lucía Estrategia", uiLanguageId: 3082, roles: ["CRM Strategy Manager"]);
        _crm.ResetObservations();

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Resume(analysis, _crm.ServiceAs(manager)));

        Assert.Equal(Application.Portfolio.ResumePortfolioAnalysis.NotResumable.Spanish, fault.Detail.Message);
        Assert.Equal(Status.Completed, _base.Analysis(analysis).AnalysisStatus);
        Assert.Equal(0, _crm.PendingAsyncJobs);
    }

    private Guid Seeded(Status status, string? message)
    {
        var row = new PortfolioAnalysis { Id = Guid.NewGuid(), Name = "Q4", AnalysisStatus = status, ErrorMessage = message };
        _crm.Seed(row);
        return row.Id;
    }

    private static void Resume(Guid analysis, IOrganizationService service) => service.Execute(
        new OrganizationRequest(ResumePortfolioAnalysis.ApiName)
        {
            [ResumePortfolioAnalysis.AnalysisParameter] = new EntityReference(PortfolioAnalysis.EntityLogicalName, analysis),
        });
}
