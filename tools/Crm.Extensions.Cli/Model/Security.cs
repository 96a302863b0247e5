using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Cli.Model;

/// <summary>
/// Privilege depths, as Dataverse names them in role XML: user, business unit, parent-child business units, organization.
/// </summary>
public enum Depth
{
    None,
    Basic,
    Local,
    Deep,
    Global,
}

/// <summary>What one role may do with one table.</summary>
public sealed record TableAccess(string Table, Depth Create, Depth Read, Depth Write, Depth Delete, Depth Append, Depth AppendTo,
    Depth Assign, Depth Share);

public sealed record SecurityRole(string Name, Label Display, IReadOnlyList<TableAccess> Access);

public sealed record FieldPermission(string Table, string Column, bool CanRead, bool CanUpdate, bool CanCreate);

public sealed record FieldSecurityProfile(string Name, Label Description, IReadOnlyList<FieldPermission> Permissions);

/// <summary>Least-privilege roles: each role gets the widest depth its job needs and no more.</summary>
internal static class SecurityModel
{
    public static readonly IReadOnlyList<SecurityRole> Roles =
    [
        new("CRM Strategy Manager", Label.Of("CRM Strategy Manager", "Responsable de estrategia CRM"),
        [
            Full("cx_crmstrategy", Depth.Global), Full("cx_portfolioanalysis", Depth.Global), Full("cx_customersegment", Depth.Global),
            Full("cx_valueproposition", Depth.Global), Full("cx_kpisnapshot", Depth.Global), Full("cx_partnerrelationship", Depth.Deep),
            ReadOnly("cx_interaction", Depth.Global), ReadOnly("cx_preference", Depth.Global),
            ReadOnly("cx_satisfactionsurvey", Depth.Global),
            ReadOnly("cx_lifecycletransition", Depth.Global), ReadOnly("cx_loyaltyprogram", Depth.Global),
            ReadOnly("cx_loyaltytier", Depth.Global),
            ReadOnly("cx_loyaltyjourney", Depth.Global), ReadOnly("cx_loyaltytransaction", Depth.Global),
            ReadOnly("cx_reward", Depth.Global),
            ReadOnly("cx_rewardredemption", Depth.Global), ReadOnly("cx_crossselloffer", Depth.Global),
            ReadOnly(TableNames.Contact, Depth.Global), ReadOnly(TableNames.Account, Depth.Global),
            .. SalesRecords(Depth.Global, linksCatalogue: true),
        ]),
        new("Loyalty Administrator", Label.Of("Loyalty Administrator", "Administrador de fidelización"),
        [
            Full("cx_loyaltyprogram", Depth.Global), Full("cx_loyaltytier", Depth.Global), Full("cx_reward", Depth.Global),
            // Ledger entries are never deleted: corrections are new Adjust entries.
            new("cx_loyaltytransaction", Depth.Global, Depth.Global, Depth.None, Depth.None, Depth.Global, Depth.Global, Depth.None,
                Depth.None),
            // prvCreatecx_rewardredemption is cx_RedeemReward's execute privilege; redemption rows themselves are written by the API.
            new("cx_rewardredemption", Depth.Global, Depth.Global, Depth.Global, Depth.None, Depth.Global, Depth.Global, Depth.None,
                Depth.None),
            ReadWrite("cx_loyaltyjourney", Depth.Global), ReadWrite("cx_crossselloffer", Depth.Global),
            ReadOnly("cx_customersegment", Depth.Global), ReadOnly("cx_satisfactionsurvey", Depth.Global),
            // Write on customers: the tier floor and the block are the administrator's to set (with a reason); the other
            // loyalty columns stay product-managed (GuardLoyaltyColumns refuses them).
            ReadWrite(TableNames.Contact, Depth.Global), ReadWrite(TableNames.Account, Depth.Global),
            .. SalesRecords(Depth.Global, linksCatalogue: true),
        ]),
        new("Customer Relationship User", Label.Of("Customer Relationship User", "Usuario de relación con clientes"),
        [
            Own("cx_interaction"), Own("cx_preference"), Own("cx_satisfactionsurvey"),
            new("cx_crossselloffer", Depth.None, Depth.Local, Depth.Basic, Depth.None, Depth.Basic, Depth.Basic, Depth.None, Depth.None),
            ReadOnly("cx_loyaltyjourney", Depth.Local), ReadOnly("cx_loyaltytransaction", Depth.Local),
            // Create is cx_RedeemReward's execute privilege: the user redeems for customers they may write. Write is the
            // execute privilege of cx_MarkVoucherUsed and cx_CancelRedemption (the status itself is product-written).
            new("cx_rewardredemption", Depth.Basic, Depth.Local, Depth.Local, Depth.None, Depth.None, Depth.Local, Depth.None, Depth.None),
            ReadOnly("cx_lifecycletransition", Depth.Local), ReadOnly("cx_partnerrelationship", Depth.Local),
            ReadOnly("cx_valueproposition", Depth.Local),
            ReadOnly("cx_customersegment", Depth.Global), ReadOnly("cx_loyaltyprogram", Depth.Global),
            ReadOnly("cx_loyaltytier", Depth.Global),
            ReadOnly("cx_reward", Depth.Global),
            new(TableNames.Contact, Depth.Basic, Depth.Local, Depth.Basic, Depth.None, Depth.Basic, Depth.Local, Depth.None, Depth.None),
            new(TableNames.Account, Depth.Basic, Depth.Local, Depth.Basic, Depth.None, Depth.Basic, Depth.Local, Depth.None, Depth.None),
            .. SalesRecords(Depth.Local),
        ]),
    ];

    public static readonly FieldSecurityProfile SensitivePersonalData = new("Sensitive personal data",
        Label.Of("Customer value, complaints and survey comments: visible only to people who need them.",
            "Valor del cliente, quejas y comentarios de encuestas: visibles solo para quien los necesita."),
        CrmExtensionsModel.Tables.SelectMany(
            t => t.Columns.Where(c => c.IsSecured && c.IsCustom)
            .Select(c => new FieldPermission(t.LogicalName, c.LogicalName, CanRead: true, CanUpdate: true, CanCreate: true))).ToList());

    /// <summary>
    /// Read on what the site map's sales and activity areas list: invoices, marketing lists and activities are user-owned
    /// (read at the role's depth for customers); products and price lists are organization-owned, so their only depth is
    /// the organization's (the generator writes Global for them whatever is asked). A role that <paramref name="linksCatalogue"/>
    /// also appends to products and price lists: a value proposition names its product, a tier its price list and a
    /// reward its product or price list, and Dataverse checks AppendTo on the row a lookup points at.
    /// </summary>
    private static TableAccess[] SalesRecords(Depth customerDepth, bool linksCatalogue = false) =>
    [
        ReadAlone(TableNames.Invoice, customerDepth), ReadAlone(TableNames.MarketingList, customerDepth),
        ReadAlone(TableNames.Activity, customerDepth),
        linksCatalogue ? ReadOnly(TableNames.Product, Depth.Global) : ReadAlone(TableNames.Product, Depth.Global),
        linksCatalogue ? ReadOnly(TableNames.PriceLevel, Depth.Global) : ReadAlone(TableNames.PriceLevel, Depth.Global),
    ];

    private static TableAccess ReadAlone(string table, Depth depth) =>
        new(table, Depth.None, depth, Depth.None, Depth.None, Depth.None, Depth.None, Depth.None, Depth.None);

    private static TableAccess Full(string table, Depth depth) => new(table, depth, depth, depth, depth, depth, depth, depth, depth);

    private static TableAccess ReadWrite(string table, Depth depth)
        => new(table, Depth.None, depth, depth, Depth.None, depth, depth, Depth.None, Depth.None);

    private static TableAccess ReadOnly(string table, Depth depth)
        => new(table, Depth.None, depth, Depth.None, Depth.None, Depth.None, depth, Depth.None, Depth.None);

    /// <summary>A user works on their own rows and reads the business unit's.</summary>
    private static TableAccess Own(string table)
        => new(table, Depth.Basic, Depth.Local, Depth.Basic, Depth.Basic, Depth.Basic, Depth.Local, Depth.Basic, Depth.Basic);
}
