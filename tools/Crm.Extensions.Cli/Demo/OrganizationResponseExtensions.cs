using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Cli.Demo;

internal static class OrganizationResponseExtensions
{
    /// <summary>A custom API's response property, or the type's default when the API left it out.</summary>
    public static T? Output<T>(this OrganizationResponse response, string name) =>
        response.Results.TryGetValue(name, out var value) && value is T typed ? typed : default;
}
