using System;
using System.Linq;
using Crm.Extensions.Application.Intimacy;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Intimacy;

/// <summary>
/// cx_ProcessBirthdays([Date]) → Greeted, Tasks, Bonuses: the daily flow's call. For the contacts whose birthday is on Date
/// (the flow's local date; default the UTC date of the call) it creates one greeting task per owner and asks the loyalty
/// ledger for each member's birthday bonus. Both are keyed (task per owner and day, bonus per contact and year), so a re-run
/// the same day creates nothing twice. A date in the future, or further back than the program's birthday catch-up days
/// (cx_birthdaybackfilldays, 0 = only today, at most 31), is refused (en/es) before anything is written: back-dated calls
/// would otherwise credit a past year's bonus again and again.
/// </summary>
public sealed class ProcessBirthdays : PluginBase
{
    public const string ApiName = "cx_ProcessBirthdays";
    public const string DateParameter = "Date";
    public const string GreetedOutput = "Greeted";
    public const string TasksOutput = "Tasks";
    public const string BonusesOutput = "Bonuses";

    /// <summary>The furthest time zone is UTC+14, so a flow's "today" can be the UTC date plus one day, never more.</summary>
    public static readonly LocalizedText FutureDate = new(
        "Birthdays can be processed only for today or an earlier day; the date given is in the future.",
        "Los cumpleaños solo se pueden procesar para hoy o un día anterior; la fecha indicada es futura.");

    public static LocalizedText PastDate(int catchUpDays) => catchUpDays == 0
        ? new LocalizedText(
            "Birthdays can be processed only for today; the date given is in the past. A loyalty administrator can allow catching up on missed days in the loyalty program (Birthday catch-up).",
            "Los cumpleaños solo se pueden procesar para hoy; la fecha indicada es pasada. Un administrador de fidelización puede permitir recuperar días perdidos en el programa de fidelización (Recuperación de cumpleaños).")
        : new LocalizedText(
            $"Birthdays can be processed for today or up to {catchUpDays} days back (the program's birthday catch-up); the date given is earlier.",
            $"Los cumpleaños se pueden procesar para hoy o hasta {catchUpDays} días atrás (la recuperación de cumpleaños del programa); la fecha indicada es anterior.");

    public ProcessBirthdays(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var now = context.Clock.UtcNow;
        var day = (context.Input<DateTime?>(DateParameter) ?? now).Date;
        if (day > now.Date.AddDays(1)) throw new BusinessRuleException(FutureDate);
        // The furthest time zone behind UTC is UTC-12, so a flow's "today" can be the UTC date minus one day.
        var catchUp = LoyaltyProgramReader.Active(context.SystemService)?.Settings.BirthdayBackfillDays ?? 0;
        if (day < now.Date.AddDays(-1 - catchUp)) throw new BusinessRuleException(PastDate(catchUp));

        var birthdays = BirthdayContactsReader.Read(context.SystemService, day);
        var tasks = BirthdayTaskWriter.Write(context.SystemService, BirthdayGreetings.TasksByOwner(birthdays.Greetings, day), birthdays.Owners);
        var members = birthdays.Greetings.Select(g => g.ContactId).Where(id => !birthdays.LoyaltyBlocked.Contains(id)).ToList();
        var bonuses = BirthdayBonus.Grant(context.SystemService, members, day.Year, now, context.Tracing);
        context.SetOutput(GreetedOutput, birthdays.Greetings.Count);
        context.SetOutput(TasksOutput, tasks);
        context.SetOutput(BonusesOutput, bonuses.Granted);
    }
}
