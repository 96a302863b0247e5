using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.BadInput;

public class WrongTypeRefusalTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();

    /// <summary>
    /// Dataverse checks a Target's value types in its own validation step of the main operation (the platform's
    /// "Incorrect attribute value type System.String" fault comes from that step, after the registered PreValidation and
    /// PreOperation steps), so an SDK caller's text in a choice column reaches those steps as sent. The
    /// emulator validates at the same point (stage 30), no earlier; the product refuses before its handlers read it.
    /// </summary>
    [Fact]
    public void Should_RefuseInTheCallersLanguage_When_ATargetChoiceColumnHoldsText()
    {
        var spanish = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);
        var before = _crm.Snapshot();

        var english = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _crm.Service.Create(new Entity(Interaction.EntityLogicalName) { [Interaction.Fields.Channel] = "Email" }));
        var translated = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _crm.ServiceAs(spanish).Create(new Entity(Interaction.EntityLogicalName) { [Interaction.Fields.Channel] = "Email" }));

        Assert.Equal(BadInputProbe.IsvAborted, english.Detail.ErrorCode);
        Assert.Contains("cx_channel (cx_interaction) takes a choice", english.Detail.Message);
        Assert.Contains("cx_channel (cx_interaction) admite una opción", translated.Detail.Message);
        Assert.True(before.DiffTo(_crm.Snapshot()).IsEmpty);
    }

    [Theory]
    [InlineData("cx_ProcessLoyaltyLedger", "MaxMembers")]
    [InlineData("cx_EvaluateTiers", "MaxChanges")]
    public void Should_RefuseTheBatch_When_TheBatchSizeIsNegative(string api, string parameter)
    {
        new DataProducer(_crm).Program();
        var before = _crm.Snapshot();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _crm.Service.Execute(new OrganizationRequest(api) { [parameter] = -5 }));

        Assert.Equal(BadInputProbe.IsvAborted, refusal.Detail.ErrorCode);
        Assert.Contains($"{parameter} must be at least 1", refusal.Detail.Message);
        Assert.True(before.DiffTo(_crm.Snapshot()).IsEmpty);
    }

    [Fact]
    public void Should_RefuseTheCall_When_ABatchSizeIsText()
    {
        new DataProducer(_crm).Program();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _crm.Service.Execute(new OrganizationRequest("cx_EvaluateTiers") { ["MaxChanges"] = "all" }));

        Assert.Equal(BadInputProbe.IsvAborted, refusal.Detail.ErrorCode);
        Assert.Contains("MaxChanges takes a whole number, but the request gave text", refusal.Detail.Message);
    }
}
