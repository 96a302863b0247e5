using System;
using Crm.Extensions.Emulator;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Cli.Demo;

/// <summary>
/// The people of the synthetic company, each made from a shipped role (solution/SECURITY.md) so that every call the demo
/// makes passes the same privilege checks a customer's users pass. Sales operations stands for the Sales app's own roles:
/// invoices and the catalogue are Dynamics 365 Sales tables, which the product's roles only read.
/// </summary>
public sealed class DemoCast
{
    public const string CustomerRelationshipUser = "Customer Relationship User";
    public const string LoyaltyAdministrator = "Loyalty Administrator";
    public const string CrmStrategyManager = "CRM Strategy Manager";

    public DemoCast(DataverseEmulator crm, Func<Guid> newId)
    {
        SalesOperations = crm.ServiceAs(crm.CreateUser(newId(), "Sales Operations", isAdministrator: true));
        AccountManagerId = crm.CreateUser(newId(), "Ana Account-Manager", roles: new[] { CustomerRelationshipUser });
        AccountManager = crm.ServiceAs(AccountManagerId);
        LoyaltyManager = crm.ServiceAs(crm.CreateUser(newId(), "Luis Loyalty-Manager", roles: new[] { LoyaltyAdministrator }));
        Strategist = crm.ServiceAs(crm.CreateUser(newId(), "Sara Strategist", roles: new[] { CrmStrategyManager }));
    }

    /// <summary>Invoices, products, price lists and other Sales tables.</summary>
    public IOrganizationService SalesOperations { get; }

    /// <summary>Owns the customers; records interactions; redeems rewards for them.</summary>
    public IOrganizationService AccountManager { get; }

    public Guid AccountManagerId { get; }

    /// <summary>The program, tiers and rewards; the nightly loyalty runs a scheduled flow would call.</summary>
    public IOrganizationService LoyaltyManager { get; }

    /// <summary>The strategy record, the portfolio analysis, lifecycle evaluation and KPI snapshots.</summary>
    public IOrganizationService Strategist { get; }
}
