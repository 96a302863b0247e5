using System;
using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Dataverse;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Application.Intimacy;

/// <summary>What "Is birthday today" answers.</summary>
public sealed class BirthdayToday
{
    public BirthdayToday(bool isBirthday, int age)
    {
        IsBirthday = isBirthday;
        Age = age;
    }

    public bool IsBirthday { get; }

    /// <summary>Whole years today; 0 when the contact has no birth date (or one after today).</summary>
    public int Age { get; }
}

/// <summary>
/// Is birthday today: "today" is the workflow operation's date (<see cref="IUseCaseContext.Clock"/>, never the
/// machine clock) in the time zone of the workflow's user (<see cref="UserTimeZone"/>: usersettings.timezonecode, else
/// UTC; read as SYSTEM, since a role may lack prvReadUserSettings and the user's own zone is no secret).
/// The birthday and age rules are <see cref="BirthdayCalendar"/>'s (29 February celebrates on 28 February).
/// </summary>
public static class IsBirthdayToday
{
    public static readonly LocalizedText ContactRequired = new(
        "Choose the contact whose birthday to check.",
        "Elija el contacto cuyo cumpleaños quiere comprobar.");

    /// <param name="user">The workflow's user: whose time zone says what "today" is; the contact is read as that user.</param>
    public static BirthdayToday Run(IUseCaseContext context, Guid user, EntityReference? contact)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(IsBirthdayToday);
        if (contact is null || contact.LogicalName != Contact.EntityLogicalName || contact.Id == Guid.Empty)
        {
            throw new BusinessRuleException(ContactRequired);
        }

        InputRules.ExistingRow(context.SystemService, CustomerInput.ContactName, contact, Contact.EntityLogicalName);
        var birthDate = context.UserService.Retrieve(contact.LogicalName, contact.Id, new ColumnSet(Contact.Fields.BirthDate))
            .ToEntity<Contact>().BirthDate;
        var today = BirthdayCalendar.LocalToday(context.Clock, UserTimeZone.Of(context.SystemService, user, context.Tracing));
        if (birthDate is null || birthDate.Value.Date > today) return new BirthdayToday(false, 0);

        return new BirthdayToday(BirthdayCalendar.IsBirthday(birthDate.Value, today), BirthdayCalendar.AgeOn(birthDate.Value, today));
    }
}
