using System.Collections.Generic;

namespace Crm.Extensions.Cli.Model;

/// <summary>A standard table from a Dynamics 365 app that the solution builds on but does not carry.</summary>
public sealed record RequiredTable(string LogicalName, string DisplayName, string Solution);

/// <summary>
/// The Dynamics 365 tables the solution points to. Solution.xml declares them as MissingDependencies, the way an export lists
/// components it found outside the solution, so that an environment without the apps stops at the dependency check before
/// anything is imported. The tables every Dataverse environment has (users, teams, business units, currencies, accounts,
/// contacts) need no declaration.
/// </summary>
public static class PlatformDependencies
{
    public const string Sales = "msdynce_Sales";
    public const string CustomerService = "msdynce_Service";

    public static readonly IReadOnlyList<RequiredTable> Tables =
    [
        new(TableNames.Invoice, "Invoice", Sales),
        new(TableNames.InvoiceDetail, "Invoice Product", Sales),
        new(TableNames.Product, "Product", Sales),
        new(TableNames.PriceLevel, "Price List", Sales),
        new(TableNames.SalesOrder, "Order", Sales),
        new(TableNames.MarketingList, "Marketing List", Sales),
        new(TableNames.Incident, "Case", CustomerService),
    ];

    /// <summary>Tables of every Dataverse environment (the owner pseudo-table and the activity tables included).</summary>
    public static readonly IReadOnlySet<string> CoreTables = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
    {
        "owner", TableNames.SystemUser, TableNames.Team, TableNames.BusinessUnit, TableNames.Organization, TableNames.TransactionCurrency,
        TableNames.Account, TableNames.Contact, "activitypointer", "task", "phonecall", "appointment", "email",
    };
}
