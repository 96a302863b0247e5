using Crm.Extensions.Application;
using Crm.Extensions.Dataverse.Inputs;
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
    public const string ContactName = CustomerInput.ContactName;
    public const string AccountName = CustomerInput.AccountName;

    public static EntityReference? Customer(EntityReference? contact, EntityReference? account)
    {
        InputRules.EnsureTable(ContactName, contact, Contact.EntityLogicalName);
        InputRules.EnsureTable(AccountName, account, Account.EntityLogicalName);
        return contact ?? account;
    }

    /// <summary>
    /// The customer when it names an existing contact or account (<see cref="CustomerInput.Existing"/>), for the activities
    /// whose use case is shared with a custom API (Redeem reward, Get next best offer), whose input has another name.
    /// </summary>
    public static EntityReference Existing(WorkflowActivityContext context, EntityReference? customer, LocalizedText required) =>
        CustomerInput.Existing(context, customer, required);
}
