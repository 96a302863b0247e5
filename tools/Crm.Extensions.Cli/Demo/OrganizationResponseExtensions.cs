using Crm.Extensions.Plugins.CustomApis;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Cli.Demo;

internal static class OrganizationResponseExtensions
{
    /// <summary>A custom API's declared response property, or the type's default when the API left it out.</summary>
    public static T? Output<T>(this OrganizationResponse response, ResponseProperty<T> property) =>
        response.Results.TryGetValue(property.Name, out var value) && value is T typed ? typed : default;
}
