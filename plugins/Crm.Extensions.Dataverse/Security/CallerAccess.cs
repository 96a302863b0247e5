using System;
using System.Linq;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Security;

/// <summary>
/// What the person behind a request may do, asked before the product writes as SYSTEM. Every question goes through
/// RetrievePrincipalAccess (the user's access rights on one row, from their roles and the row's owner), sent by a
/// SYSTEM service so the question itself never fails for lack of privileges. See solution/SECURITY.md.
/// </summary>
public static class CallerAccess
{
    /// <summary>The name Dataverse gives its built-in SYSTEM user, the user a null-user service acts as.</summary>
    public const string SystemUserName = "SYSTEM";

    public static readonly LocalizedText CustomerNotWritable = new(
        "You can act on a customer's points only for a customer you may edit. Ask the customer's owner or a loyalty administrator.",
        "Solo puede actuar sobre los puntos de un cliente que puede editar. Pídaselo al propietario del cliente o a un administrador de " +
        "fidelización.");

    public static readonly LocalizedText NotLoyaltyAdministrator = new(
        "Only a loyalty administrator (a user who may change the loyalty program) can do this.",
        "Solo un administrador de fidelización (un usuario que puede cambiar el programa de fidelización) puede hacer esto.");

    /// <summary>The user's access rights on the row. One request.</summary>
    public static AccessRights On(IOrganizationService system, Guid userId, EntityReference row)
    {
        if (system is null) throw new ArgumentNullException(nameof(system));
        if (row is null) throw new ArgumentNullException(nameof(row));
        var response = (RetrievePrincipalAccessResponse)system.Execute(new RetrievePrincipalAccessRequest
        {
            Principal = new EntityReference(SystemUser.EntityLogicalName, userId),
            Target = row,
        });
        return response.AccessRights;
    }

    /// <summary>Refuses, in the user's language, unless the user may write the customer (a contact or an account).</summary>
    public static void DemandWrite(IOrganizationService system, Guid userId, EntityReference customer)
    {
        if ((On(system, userId, customer) & AccessRights.WriteAccess) == 0) throw new BusinessRuleException(CustomerNotWritable);
    }

    /// <summary>
    /// A loyalty administrator is a user who may write the loyalty program (prvWritecx_LoyaltyProgram, held only by the
    /// Loyalty Administrator role). Asked on the active program, else on any program; false when there is none. Two requests.
    /// </summary>
    public static bool IsLoyaltyAdministrator(IOrganizationService system, Guid userId)
    {
        var program = system.RetrieveMultiple(new QueryExpression(LoyaltyProgram.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(false),
            TopCount = 1,
            Orders = { new OrderExpression("statecode", OrderType.Ascending) },
        }).Entities.FirstOrDefault();
        return program is not null && (On(system, userId, program.ToEntityReference()) & AccessRights.WriteAccess) != 0;
    }

    public static void DemandLoyaltyAdministrator(IOrganizationService system, Guid userId)
    {
        if (!IsLoyaltyAdministrator(system, userId)) throw new BusinessRuleException(NotLoyaltyAdministrator);
    }
}
