using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Lifecycle;

/// <summary>
/// cx_EvaluateLifecycle([Customer]): the scheduled evaluation that moves customers into the time-based stages (At risk,
/// Lapsed). Each change writes the customer's stage and one cx_lifecycletransition (keyed per customer and day, so a re-run
/// the same day records nothing twice); no change writes nothing. Without Customer it evaluates every aging customer, page by
/// page (5,000 customers, one facts query, batched writes: see <see cref="LifecycleEvaluation"/>).
/// </summary>
public sealed class EvaluateLifecycle : PluginBase
{
    public const string ApiName = "cx_EvaluateLifecycle";
    public const string CustomerParameter = "Customer";
    public const string TransitionsOutput = "Transitions";

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

        var now = context.Clock.UtcNow;
        var thresholds = context.Settings.Lifecycle();
        var written = only is null
            ? LifecycleEvaluation.EvaluateAll(context.SystemService, now, thresholds)
            : LifecycleEvaluation.EvaluateOne(context.SystemService, only, now, thresholds);
        context.SetOutput(TransitionsOutput, written);
    }
}
