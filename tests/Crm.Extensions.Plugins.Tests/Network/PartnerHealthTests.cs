using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Network;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Network;

public sealed class PartnerHealthTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public PartnerHealthTests() => _data = new DataProducer(_crm);

    private PartnerRelationship Stored(System.Guid id)
        => _crm.Get(PartnerRelationship.EntityLogicalName, id)!.ToEntity<PartnerRelationship>();

    [Fact]
    public void Should_ScoreAndNotFlag_When_APartnerIsCreatedReviewedOnTime()
    {
        var id = _crm.Service.Create(_data.NewPartner(reviewedDaysAgo: 10));

        var stored = Stored(id);
        Assert.Equal(88, stored.HealthScore);
        Assert.False(stored.IsReviewOverdue);
        Assert.NotNull(stored.NextReviewOn);
    }

    [Fact]
    public void Should_FlagOverdueAndLowerTheScore_When_TheReviewIsPastDue()
    {
        var id = _crm.Service.Create(_data.NewPartner(reviewedDaysAgo: 200));

        var stored = Stored(id);
        Assert.True(stored.IsReviewOverdue);
        Assert.Equal(38, stored.HealthScore);
    }

    [Fact]
    public void Should_RescoreFromThePreImageInTheSameWrite_When_OnlyTheRatingIsUpdated()
    {
        var id = _crm.Service.Create(_data.NewPartner(reviewedDaysAgo: 10));
        _crm.ResetObservations();

        _crm.Service.Update(new PartnerRelationship(id) { PerformanceRating = 1 });

        Assert.Equal(50, Stored(id).HealthScore);
        Assert.Contains(_crm.FiredSteps,
            s => s.PluginType == typeof(ScorePartnerHealth).FullName && s.Message == "Update" && s.Stage == 20);
        Assert.Equal(0, _crm.Requests.PluginTotal);
    }

    [Fact]
    public void Should_NotFire_When_AnUnrelatedColumnIsUpdated()
    {
        var id = _crm.Service.Create(_data.NewPartner());
        _crm.ResetObservations();

        _crm.Service.Update(new PartnerRelationship(id) { Notes = "Met at the fair" });

        Assert.DoesNotContain(_crm.FiredSteps, s => s.PluginType == typeof(ScorePartnerHealth).FullName);
    }

    [Fact]
    public void Should_RefuseAndWriteNothing_When_TheLastReviewIsInTheFuture()
    {
        var partner = _data.NewPartner(reviewedDaysAgo: -3);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _crm.Service.Create(partner));

        Assert.Contains("cannot be in the future", fault.Message);
        Assert.Equal(0, _crm.Count(PartnerRelationship.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseInSpanishAndKeepTheRow_When_ASpanishUserPostdatesTheReview()
    {
        var id = _crm.Service.Create(_data.NewPartner(reviewedDaysAgo: 10));
        var user = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _crm.ServiceAs(user).Update(new PartnerRelationship(id) { LastReviewOn = _crm.Clock.UtcNow.AddDays(5) }));

        Assert.Contains("no puede ser futura", fault.Message);
        Assert.Equal(88, Stored(id).HealthScore);
        Assert.Equal(_crm.Clock.UtcNow.Date.AddDays(-10), Stored(id).LastReviewOn);
    }
}
