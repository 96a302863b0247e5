using System;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Intimacy;

/// <summary>
/// The intimacy columns a customer (contact or account) carries. Contact and account share the cx_ column names,
/// so one set of names serves both tables.
/// </summary>
public static class CustomerRecords
{
    public static bool IsCustomer(EntityReference? reference) =>
        reference is not null && (reference.LogicalName == Contact.EntityLogicalName || reference.LogicalName == Account.EntityLogicalName);

    /// <summary>True when the customer recorded consent to storing preference data. One Retrieve.</summary>
    public static bool HasPreferenceConsent(IOrganizationService service, EntityReference customer)
    {
        var row = service.Retrieve(customer.LogicalName, customer.Id, new ColumnSet(Contact.Fields.ConsentPreferences));
        return row.GetAttributeValue<bool?>(Contact.Fields.ConsentPreferences) == true;
    }

    /// <summary>The customer's last interaction as stored, or null. One Retrieve.</summary>
    public static LastInteraction? LastInteractionOf(IOrganizationService service, EntityReference customer)
    {
        var row = service.Retrieve(customer.LogicalName, customer.Id, new ColumnSet(Contact.Fields.LastInteractionOn, Contact.Fields.LastInteractionDuration));
        return row.GetAttributeValue<DateTime?>(Contact.Fields.LastInteractionOn) is { } on
            ? new LastInteraction(on, row.GetAttributeValue<int?>(Contact.Fields.LastInteractionDuration), null, null)
            : null;
    }

    /// <summary>Writes only the last-interaction columns.</summary>
    public static void StampLastInteraction(IOrganizationService service, EntityReference customer, LastInteraction last)
    {
        var update = new Entity(customer.LogicalName, customer.Id)
        {
            [Contact.Fields.LastInteractionOn] = last.OccurredOnUtc,
            [Contact.Fields.LastInteractionDuration] = last.DurationMinutes is { } minutes ? (int?)decimal.ToInt32(decimal.Round(minutes, 0, MidpointRounding.AwayFromZero)) : null,
        };
        service.Update(update);
    }
}
