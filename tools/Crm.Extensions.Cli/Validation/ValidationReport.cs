using System.Collections.Generic;

namespace Crm.Extensions.Cli.Validation;

/// <summary>What validate found in one zip, by check.</summary>
public sealed class ValidationReport(string zip)
{
    public string Zip { get; } = zip;

    public List<string> SchemaErrors { get; } = [];

    public List<string> ManifestErrors { get; } = [];

    public List<string> FileReferenceErrors { get; } = [];

    public List<string> PluginTypeErrors { get; } = [];

    public List<string> DuplicateIdErrors { get; } = [];

    /// <summary>What import refuses or misreads although the schema accepts it (<see cref="ImportRules"/>).</summary>
    public List<string> ImportRuleErrors { get; } = [];

    /// <summary>Custom APIs that write as SYSTEM without an execute privilege.</summary>
    public List<string> CustomApiErrors { get; } = [];

    public int ErrorCount =>
        SchemaErrors.Count + ManifestErrors.Count + FileReferenceErrors.Count + PluginTypeErrors.Count + DuplicateIdErrors.Count
        + ImportRuleErrors.Count + CustomApiErrors.Count;

    public IEnumerable<string> AllErrors
    {
        get
        {
            foreach (var e in SchemaErrors) yield return "schema: " + e;
            foreach (var e in ManifestErrors) yield return "solution.xml: " + e;
            foreach (var e in FileReferenceErrors) yield return "FileName: " + e;
            foreach (var e in PluginTypeErrors) yield return "plugin type: " + e;
            foreach (var e in DuplicateIdErrors) yield return "id: " + e;
            foreach (var e in ImportRuleErrors) yield return "import: " + e;
            foreach (var e in CustomApiErrors) yield return "custom API: " + e;
        }
    }
}
