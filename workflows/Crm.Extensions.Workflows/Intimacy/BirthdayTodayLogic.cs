using System;
using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Workflows.Intimacy;

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
/// Is birthday today: "today" is the workflow operation's date (<see cref="WorkflowActivityContext.Clock"/>, never the
/// machine clock) in the time zone of the workflow's user (<see cref="UserTimeZone"/>: usersettings.timezonecode, else
/// UTC; read as SYSTEM, since a role may lack prvReadUserSettings and the user's own zone is no secret).
/// The birthday and age rules are <see cref="BirthdayCalendar"/>'s (29 February celebrates on 28 February).
/// </summary>
public static class BirthdayTodayLogic
{
    public static readonly LocalizedText ContactRequired = new(
        "Choose the contact whose birthday to check.",
        "Elija el contacto cuyo cumpleaños quiere comprobar.");

    public static BirthdayToday Run(WorkflowActivityContext context, EntityReference? contact) =>
        ActivityRefusals.Run(context, () => Check(context, contact));

    private static BirthdayToday Check(WorkflowActivityContext context, EntityReference? contact)
    {
        if (contact is null || contact.LogicalName != Contact.EntityLogicalName || contact.Id == Guid.Empty)
        {
            throw new BusinessRuleException(ContactRequired);
        }

        InputRules.ExistingRow(context.SystemService, CustomerArguments.ContactName, contact, Contact.EntityLogicalName);
        var birthDate = context.UserService.Retrieve(contact.LogicalName, contact.Id, new ColumnSet(Contact.Fields.BirthDate))
            .GetAttributeValue<DateTime?>(Contact.Fields.BirthDate);
        var zone = UserTimeZone.Of(context.SystemService, context.Workflow.UserId, context.Tracing);
        var today = BirthdayCalendar.LocalToday(context.Clock, zone);
        if (birthDate is null || birthDate.Value.Date > today) return new BirthdayToday(false, 0);

        return new BirthdayToday(BirthdayCalendar.IsBirthday(birthDate.Value, today), BirthdayCalendar.AgeOn(birthDate.Value, today));
    }
}
