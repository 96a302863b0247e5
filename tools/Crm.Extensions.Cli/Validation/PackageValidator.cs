using System.Collections.Generic;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Packaging;

namespace Crm.Extensions.Cli.Validation;

/// <summary>Runs every check on one zip.</summary>
public sealed class PackageValidator(CustomizationsSchema schema)
{
    public ValidationReport Validate(string zipPath)
    {
        var report = new ValidationReport(zipPath);
        var package = SolutionZip.Read(zipPath);
        report.SchemaErrors.AddRange(schema.Validate(Xml.ToBytes(SchemaNormalizer.ForSchema(package.Customizations))));
        report.ManifestErrors.AddRange(ManifestCheck.Check(package.Solution));
        var files = (IReadOnlyDictionary<string, byte[]>)package.Files;
        report.FileReferenceErrors.AddRange(PackageChecks.FileReferences(package.Customizations, files));
        report.PluginTypeErrors.AddRange(PackageChecks.PluginTypes(package.Customizations, files));
        report.ImportRuleErrors.AddRange(ImportRules.Check(package));
        report.CustomApiErrors.AddRange(PackageChecks.CustomApiPrivileges(files));
        try
        {
            DuplicateIds.Check(package);
        }
        catch (SolutionException duplicate)
        {
            report.DuplicateIdErrors.Add(duplicate.Message);
        }

        return report;
    }
}
