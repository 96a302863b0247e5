using System.Linq;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Intimacy;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Intimacy;

public sealed class PreferenceConsentTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public PreferenceConsentTests() => _data = new DataProducer(_crm);

    [Fact]
    public void Should_StoreThePreference_When_TheCustomerConsented()
    {
        var id = _crm.Service.Create(_data.NewPreference(_data.ConsentingContact()));

        Assert.NotNull(_crm.Get(Preference.EntityLogicalName, id));
    }

    [Fact]
    public void Should_RefuseAndWriteNothing_When_TheCustomerHasNotConsented()
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => _crm.Service.Create(_data.NewPreference(_data.Contact())));

        Assert.Contains("has not consented to storing preference data", fault.Message);
        Assert.Equal(0, _crm.Count(Preference.EntityLogicalName));
    }

    [Fact]
    public void Should_FireTheConsentCheckAtPreValidation_When_APreferenceIsCreated()
    {
        var contact = _data.ConsentingContact();
        _crm.ResetObservations();

        _crm.Service.Create(_data.NewPreference(contact));

        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(RequireConsentForPreference).FullName && s.Stage == 10);
    }
}
