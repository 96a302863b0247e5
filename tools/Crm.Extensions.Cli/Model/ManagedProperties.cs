namespace Crm.Extensions.Cli.Model;

/// <summary>
/// What a customer may customize once the managed solution is installed. Both zips carry these values, as real exports do;
/// Dataverse enforces them only for the managed one. The reasons are in solution/README.md ("Managed properties").
/// </summary>
public static class ManagedProperties
{
    /// <summary>The points ledger: its columns, relationships and table settings carry the balance rules, so they stay ours.</summary>
    public const string LockedTable = "cx_loyaltytransaction";

    /// <summary>Tables, their columns and relationships: customizable except the ledger.</summary>
    public static bool IsCustomizable(Table table) => table.LogicalName != LockedTable;

    /// <summary>Forms, views and charts: a customer arranges them for their users.</summary>
    public const bool FormsAndViews = true;

    /// <summary>Plug-in steps and images: filtering attributes, stage and images are what the plug-in code relies on.</summary>
    public const bool Steps = false;

    /// <summary>Custom APIs, their request parameters and response properties: the handler's contract, as the plug-in reads it.</summary>
    public const bool CustomApis = false;

    /// <summary>Web resources: forms and ribbons call their functions by name; an edited copy would stop taking our fixes.</summary>
    public const bool WebResources = false;

    /// <summary>Roles, choices, the app, its site map and the dashboard: customizable.</summary>
    public const bool Other = true;
}
