using System;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Intimacy;

/// <summary>
/// The intimacy columns a customer (contact or account) carries. Both tables have them under the same cx_ names, but each
/// row is read and written through its own early-bound class, so an account is never written with contact columns.
/// </summary>
public static class CustomerRecords
{
    public static bool IsCustomer(EntityReference? reference) =>
        reference is not null && (reference.LogicalName == Contact.EntityLogicalName || reference.LogicalName == Account.EntityLogicalName);

    /// <summary>True when the customer recorded consent to storing preference data. One Retrieve.</summary>
    public static bool HasPreferenceConsent(IOrganizationService service, EntityReference customer)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (IsAccount(customer))
        {
            return Read(service, customer, Account.Fields.ConsentPreferences).ToEntity<Account>().ConsentPreferences == true;
        }

        return Read(service, customer, Contact.Fields.ConsentPreferences).ToEntity<Contact>().ConsentPreferences == true;
    }

    /// <summary>The customer's last interaction as stored, or null. One Retrieve.</summary>
    public static LastInteraction? LastInteractionOf(IOrganizationService service, EntityReference customer)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        DateTime? on;
        int? minutes;
        if (IsAccount(customer))
        {
            var account = Read(service, customer, Account.Fields.LastInteractionOn, Account.Fields.LastInteractionDuration)
                .ToEntity<Account>();
            on = account.LastInteractionOn;
            minutes = account.LastInteractionDuration;
        }
        else
        {
            var contact = Read(service, customer, Contact.Fields.LastInteractionOn, Contact.Fields.LastInteractionDuration)
                .ToEntity<Contact>();
            on = contact.LastInteractionOn;
            minutes = contact.LastInteractionDuration;
        }

        return on is { } occurred ? new LastInteraction(occurred, minutes, null, null) : null;
    }

    /// <summary>Writes only the last-interaction columns (the duration in whole minutes). One Update.</summary>
    public static void StampLastInteraction(IOrganizationService service, EntityReference customer, LastInteraction last)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (last is null) throw new ArgumentNullException(nameof(last));
        var minutes = last.DurationMinutes is { } duration
            ? decimal.ToInt32(decimal.Round(duration, 0, MidpointRounding.AwayFromZero)) : (int?)null;
        Entity update = IsAccount(customer)
            ? new Account(customer.Id) { LastInteractionOn = last.OccurredOnUtc, LastInteractionDuration = minutes }
            : new Contact(customer.Id) { LastInteractionOn = last.OccurredOnUtc, LastInteractionDuration = minutes };
        service.Update(update);
    }

    private static bool IsAccount(EntityReference customer) =>
        (customer ?? throw new ArgumentNullException(nameof(customer))).LogicalName == Account.EntityLogicalName;

    private static Entity Read(IOrganizationService service, EntityReference customer, params string[] columns) =>
        service.Retrieve(customer.LogicalName, customer.Id, new ColumnSet(columns));
}
