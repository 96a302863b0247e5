using System;
using System.Linq;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Application.Intimacy;

/// <summary>What one day's birthday run did: contacts greeted, greeting tasks created, bonuses granted.</summary>
public sealed record BirthdaysProcessed(int Greeted, int Tasks, int Bonuses);

/// <summary>
/// cx_ProcessBirthdays: for the contacts whose birthday is on the day, one greeting task per owner and each member's
/// birthday bonus, both keyed (task per owner and day, bonus per contact and year), so a re-run creates nothing twice. A
/// day in the future, or further back than the program's birthday catch-up days, is refused before anything is written.
/// </summary>
public static class ProcessBirthdays
{
    /// <summary>The furthest time zone is UTC+14, so a flow's "today" can be the UTC date plus one day, never more.</summary>
    public static readonly LocalizedText FutureDate = new(
        "Birthdays can be processed only for today or an earlier day; the date given is in the future.",
        "Los cumpleaños solo se pueden procesar para hoy o un día anterior; la fecha indicada es futura.");

    public static LocalizedText PastDate(int catchUpDays) => catchUpDays == 0
        ? new LocalizedText(
            "Birthdays can be processed only for today; the date given is in the past. A loyalty administrator can allow catching up on " +
            "missed days in the loyalty program (Birthday catch-up).",
            "Los cumpleaños solo se pueden procesar para hoy; la fecha indicada es pasada. Un administrador de fidelización puede " +
            "permitir recuperar días perdidos en el programa de fidelización (Recuperación de cumpleaños).")
        : new LocalizedText(
            $"Birthdays can be processed for today or up to {catchUpDays} days back (the program's birthday catch-up); the date given is " +
            $"earlier.",
            $"Los cumpleaños se pueden procesar para hoy o hasta {catchUpDays} días atrás (la recuperación de cumpleaños del programa); " +
            $"la fecha indicada es anterior.");

    /// <param name="date">The flow's local date; default the UTC date of the operation.</param>
    public static BirthdaysProcessed Run(IUseCaseContext context, DateTime? date)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(ProcessBirthdays);
        var service = context.SystemService;
        var now = context.Clock.UtcNow;
        var day = (date ?? now).Date;
        if (day > now.Date.AddDays(1)) throw new BusinessRuleException(FutureDate);
        // The furthest time zone behind UTC is UTC-12, so a flow's "today" can be the UTC date minus one day.
        var catchUp = LoyaltyProgramReader.Active(service)?.Settings.BirthdayBackfillDays ?? 0;
        if (day < now.Date.AddDays(-1 - catchUp)) throw new BusinessRuleException(PastDate(catchUp));

        var birthdays = BirthdayContactsReader.Read(service, day);
        var tasks = BirthdayTaskWriter.Write(service, BirthdayGreetings.TasksByOwner(birthdays.Greetings, day), birthdays.Owners);
        var members = birthdays.Greetings.Select(g => g.ContactId).Where(id => !birthdays.LoyaltyBlocked.Contains(id)).ToList();
        var bonuses = BirthdayBonus.Grant(service, members, day.Year, now, context.Tracing);
        return new BirthdaysProcessed(birthdays.Greetings.Count, tasks, bonuses.Granted);
    }
}
