using System;
using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application;

/// <summary>
/// The customer a use case acts on must be a contact or an account that exists, checked before anything else is read or
/// written, so an unknown id is refused in the caller's language and not by the platform. The names are the customer's two
/// workflow arguments (workflows/Crm.Extensions.Workflows/Framework/CustomerArguments.cs), the ones a refusal shows.
/// </summary>
public static class CustomerInput
{
    public const string ContactName = "Customer (contact)";
    public const string AccountName = "Customer (account)";

    /// <summary>
    /// The customer when it names an existing contact or account; refused with <paramref name="required"/> when there is
    /// none, and with the row's id when it does not exist (one query, as SYSTEM: existence is no secret).
    /// </summary>
    public static EntityReference Existing(IUseCaseContext context, EntityReference? customer, LocalizedText required)
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
