using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Framework;

/// <summary>
/// A classic workflow argument names one table, so a customer arrives as two optional arguments (Contact, Account).
/// The contact wins when both are set.
/// </summary>
public static class CustomerArguments
{
    public static EntityReference? Customer(EntityReference? contact, EntityReference? account) => contact ?? account;
}
