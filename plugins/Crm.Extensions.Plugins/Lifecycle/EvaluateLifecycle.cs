using Crm.Extensions.Application.Lifecycle;
using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Lifecycle;

/// <summary>
/// cx_EvaluateLifecycle([Customer], [Cursor], [PageSize]) → Transitions, More, Cursor: the scheduled evaluation that moves
/// customers into the time-based stages (At risk, Lapsed). Each change writes the customer's stage and one
/// cx_lifecycletransition (keyed per customer and day, so a re-run the same day records nothing twice); no change writes
/// nothing. With Customer it evaluates that customer. Without it, each call is one bounded unit: one page of up to PageSize
/// (default and most 5,000) aging customers after Cursor, with one facts query and batched writes (see
/// <see cref="LifecycleEvaluation"/>); the caller calls again with the returned Cursor while More is true. Each call runs at
/// the caller's depth, so the loop never nears the platform's chain limit.
/// </summary>
public sealed class EvaluateLifecycle : PluginBase
{
    public const string ApiName = "cx_EvaluateLifecycle";
    public const string CustomerParameter = "Customer";
    public const string CursorParameter = "Cursor";
    public const string PageSizeParameter = "PageSize";
    public const string TransitionsOutput = "Transitions";
    public const string MoreOutput = "More";
    public const string CursorOutput = "Cursor";

    private static readonly LocalizedText BadPageSize = new(
        "The page size must be between 1 and 5,000 customers; leave it empty for 5,000.",
        "El tamaño de página debe estar entre 1 y 5.000 clientes; déjelo vacío para usar 5.000.");

    private static readonly LocalizedText NotACustomer = new(
        "Choose a contact or an account to evaluate, or leave the customer empty to evaluate everyone.",
        "Elija un contacto o una cuenta para evaluar, o deje el cliente vacío para evaluar a todos.");

    public EvaluateLifecycle(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var only = context.Input<EntityReference>(CustomerParameter);
        if (only is not null && !CustomerRecords.IsCustomer(only)) throw new BusinessRuleException(NotACustomer);
        InputRules.ExistingRow(context.SystemService, CustomerParameter, only, "contact", "account");

        var pageSize = context.Input<int?>(PageSizeParameter) ?? LifecycleBatchReader.PageSize;
        if (pageSize < 1 || pageSize > LifecycleBatchReader.PageSize) throw new BusinessRuleException(BadPageSize);
        var cursor = LifecycleCursor.Parse(context.Input<string>(CursorParameter));

        var now = context.Clock.UtcNow;
        var thresholds = context.Settings.Lifecycle();
        if (only is not null)
        {
            context.SetOutput(TransitionsOutput, LifecycleEvaluation.EvaluateOne(context.SystemService, only, now, thresholds));
            context.SetOutput(MoreOutput, false);
            return;
        }

        var unit = LifecycleEvaluation.EvaluateUnit(context.SystemService, now, thresholds, cursor, pageSize);
        context.SetOutput(TransitionsOutput, unit.Transitions);
        context.SetOutput(MoreOutput, unit.Next is not null);
        if (unit.Next is not null) context.SetOutput(CursorOutput, unit.Next.ToText());
    }
}
