using System;
using System.IO;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Metadata;

namespace Crm.Extensions.Cli.Validation;

/// <summary>Finds Microsoft's CustomizationsSolution.xsd: $CRMX_SCHEMAS, else ../shared/schemas beside the repository.</summary>
public static class SchemaLocator
{
    public const string EnvironmentVariable = "CRMX_SCHEMAS";
    public const string RootSchema = "CustomizationsSolution.xsd";
    public const string DownloadUrl = "https://download.microsoft.com/download/B/9/7/B97655A4-4E46-4E51-BA0A-C669106D563F/Schemas.zip";

    public static string Find(RepositoryPaths? repository, Func<string, string?>? environment = null)
    {
        var fromEnvironment = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(Path.Combine(fromEnvironment, RootSchema))
                ? fromEnvironment
                : throw new SolutionException($"${EnvironmentVariable} points to {fromEnvironment}, which has no {RootSchema}.");
        }

        if (repository is not null)
        {
            var shared = Path.GetFullPath(Path.Combine(repository.Root, "..", "shared", "schemas"));
            if (File.Exists(Path.Combine(shared, RootSchema)))
            {
                return shared;
            }
        }

        throw new SolutionException(
            $"Microsoft's solution schemas were not found. Download Schemas.zip from {DownloadUrl}, extract its Schemas/9.0.0.2090 folder "
            + $"and set ${EnvironmentVariable} to it (or place it at ../shared/schemas next to the repository).");
    }
}
