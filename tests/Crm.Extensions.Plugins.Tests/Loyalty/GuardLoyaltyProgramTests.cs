using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

public sealed class GuardLoyaltyProgramTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public GuardLoyaltyProgramTests() => _data = new DataProducer(_crm);

    [Fact]
    public void Should_RefuseAndKeepTheStoredValue_When_ExcludedFamiliesHoldSomethingThatIsNotAProductId()
    {
        var program = _data.Program();
        _crm.ResetObservations();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _crm.Service.Update(
                new Entity(LoyaltyProgram.EntityLogicalName, program.Id) { [LoyaltyProgram.Fields.ExcludedProductFamilies] = "shoes" }));

        Assert.Contains("excluded product families hold 'shoes', which is not a product id", refusal.Detail.Message);
        Assert.Null(
            _crm.Get(LoyaltyProgram.EntityLogicalName, program.Id)!
            .GetAttributeValue<string>(LoyaltyProgram.Fields.ExcludedProductFamilies));
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(GuardLoyaltyProgram).FullName && s.Stage == 10);
        // the row comes from Target and the pre-image; the one Retrieve is the user's language
        Assert.Equal(0, _crm.Requests.PluginCount("RetrieveMultiple"));
    }

    [Fact]
    public void Should_RefuseInSpanishAndCreateNothing_When_TheVipShareIsOver100Percent()
    {
        var spanishUser = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);
        var program = _data.NewProgram(p => p[LoyaltyProgram.Fields.VipProfitShare] = 150m);

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _crm.ServiceAs(spanishUser).Create(program));

        Assert.Contains("La cuota VIP de mayor rentabilidad debe estar entre 0 y 100 %", refusal.Detail.Message);
        Assert.Equal(0, _crm.Count(LoyaltyProgram.EntityLogicalName));
    }

    [Fact]
    public void Should_SaveTheProgram_When_EverySettingIsValid()
    {
        var program = _data.Program();

        _crm.Service.Update(new Entity(LoyaltyProgram.EntityLogicalName, program.Id) { [LoyaltyProgram.Fields.VipProfitShare] = 10m });

        Assert.Equal(10m,
            _crm.Get(LoyaltyProgram.EntityLogicalName, program.Id)!.GetAttributeValue<decimal?>(LoyaltyProgram.Fields.VipProfitShare));
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(GuardLoyaltyProgram).FullName && s.Message == "Update");
    }
}
