using System.Collections.Generic;
using System.Globalization;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Lifecycle;

/// <summary>
/// cx_EvaluateLifecycle([Customer]): the scheduled evaluation that moves customers into the time-based stages (At risk,
/// Lapsed). Each change writes the customer's stage and one cx_lifecycletransition (keyed per customer and day, so a re-run
/// the same day records nothing twice); no change writes nothing. Without Customer it evaluates every aging customer.
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

        var now = context.Clock.UtcNow;
        var written = 0;
        foreach (var customer in only is null ? LifecycleCandidates.Read(context.SystemService) : new List<EntityReference> { only })
        {
            var current = CustomerLifecycleReader.Read(context.SystemService, customer, now, LifecycleThresholds.Default);
            var transition = LifecycleEngine.Evaluate(current.Stage, current.Facts, LifecycleTrigger.ScheduledEvaluation, now, LifecycleThresholds.Default);
            if (transition is null) continue;

            var key = string.Format(CultureInfo.InvariantCulture, "lifecycle:{0}:{1:D}:{2:yyyy-MM-dd}", LifecycleTrigger.ScheduledEvaluation, customer.Id, now);
            LifecycleWriter.Write(context.SystemService, customer, transition, key);
            written++;
        }

        context.SetOutput(TransitionsOutput, written);
    }
}
