using Crm.Extensions.Domain.Localization;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>Request parameters several custom APIs share: one name and one label, each API saying what it does with it.</summary>
public static class SharedParameters
{
    /// <summary>The required contact or account the API acts on.</summary>
    public static RequestParameter<EntityReference> Customer(LocalizedText description) => new(
        nameof(Customer),
        isOptional: false,
        displayName: new(
            "Customer",
            "Cliente"),
        description: description);
}
