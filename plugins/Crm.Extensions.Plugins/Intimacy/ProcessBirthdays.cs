using System;
using Crm.Extensions.Plugins.CustomApis;
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
    public const string ApiName = ProcessBirthdaysApi.UniqueName;
    public const string DateParameter = nameof(ProcessBirthdaysApi.Request.Date);
    public const string GreetedOutput = nameof(ProcessBirthdaysApi.Response.Greeted);
    public const string TasksOutput = nameof(ProcessBirthdaysApi.Response.Tasks);
    public const string BonusesOutput = nameof(ProcessBirthdaysApi.Response.Bonuses);

    public ProcessBirthdays(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var done = Application.Intimacy.ProcessBirthdays.Run(context, context.Input(ProcessBirthdaysApi.Request.Date));
        context.SetOutput(ProcessBirthdaysApi.Response.Greeted, done.Greeted);
        context.SetOutput(ProcessBirthdaysApi.Response.Tasks, done.Tasks);
        context.SetOutput(ProcessBirthdaysApi.Response.Bonuses, done.Bonuses);
    }
}
