using System;
using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Framework;

/// <summary>
/// A classic workflow argument names one table, so a customer arrives as two optional arguments (Contact, Account).
/// The contact wins when both are set. Each argument must name a row of its own table.
/// </summary>
public static class CustomerArguments
{
    public const string ContactName = "Customer (contact)";
    public const string AccountName = "Customer (account)";

    public static EntityReference? Customer(EntityReference? contact, EntityReference? account)
    {
        InputRules.EnsureTable(ContactName, contact, Contact.EntityLogicalName);
        InputRules.EnsureTable(AccountName, account, Account.EntityLogicalName);
        return contact ?? account;
    }

    /// <summary>
    /// The customer when it names an existing contact or account; refused with <paramref name="required"/> when there is
    /// none, and with the row's id when it does not exist, before the activity reads or writes anything else.
    /// </summary>
    public static EntityReference Existing(WorkflowActivityContext context, EntityReference? customer, LocalizedText required)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        if (customer is null || customer.Id == Guid.Empty || !CustomerRecords.IsCustomer(customer))
        {
            throw new BusinessRuleException(required);
        }

        var name = customer.LogicalName == Account.EntityLogicalName ? AccountName : ContactName;
        return InputRules.ExistingRow(context.SystemService, name, customer, Contact.EntityLogicalName, Account.EntityLogicalName)!;
    }
}
