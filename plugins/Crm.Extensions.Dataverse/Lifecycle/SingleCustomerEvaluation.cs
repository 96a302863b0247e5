using System;
using System.Globalization;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Localization;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>Where one customer stands after an evaluation, and whether this evaluation moved it.</summary>
public sealed class StageEvaluation
{
    public StageEvaluation(LifecycleStage stage, bool changed)
    {
        Stage = stage;
        Changed = changed;
    }

    public LifecycleStage Stage { get; }

    public bool Changed { get; }

    /// <summary>The stage as the cx_lifecyclestage option value.</summary>
    public int StageOption => CustomerLifecycleReader.OptionOf(Stage);
}

/// <summary>
/// The scheduled evaluation of one customer, as cx_EvaluateLifecycle does it for each candidate: the facts in one
/// query (<see cref="CustomerLifecycleReader"/>), <see cref="LifecycleEngine"/> with the ScheduledEvaluation trigger, and a
/// change written by <see cref="LifecycleWriter"/> under the key <c>lifecycle:ScheduledEvaluation:&lt;customer&gt;:&lt;yyyy-MM-dd&gt;</c>,
/// so a second run the same day records nothing twice (the stage has moved, and the key would refuse a duplicate).
/// </summary>
public static class SingleCustomerEvaluation
{
    public static readonly LocalizedText CustomerRequired = new(
        "Choose the contact or account whose lifecycle stage to evaluate.",
        "Elija el contacto o la cuenta cuya etapa del ciclo de vida quiere evaluar.");

    /// <summary>The transition's alternate key: one scheduled transition per customer and day.</summary>
    public static string SourceKey(Guid customerId, DateTime now) =>
        string.Format(CultureInfo.InvariantCulture, "lifecycle:{0}:{1:D}:{2:yyyy-MM-dd}", LifecycleTrigger.ScheduledEvaluation, customerId, now);

    /// <summary>One RetrieveMultiple; on a change also an Update of the customer and a Create of the transition.</summary>
    public static StageEvaluation Evaluate(IOrganizationService service, EntityReference? customer, DateTime now)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (customer is null || !CustomerRecords.IsCustomer(customer) || customer.Id == Guid.Empty) throw new BusinessRuleException(CustomerRequired);

        var current = CustomerLifecycleReader.Read(service, customer, now, LifecycleThresholds.Default);
        var transition = LifecycleEngine.Evaluate(current.Stage, current.Facts, LifecycleTrigger.ScheduledEvaluation, now, LifecycleThresholds.Default);
        if (transition is null) return new StageEvaluation(current.Stage, changed: false);

        LifecycleWriter.Write(service, customer, transition, SourceKey(customer.Id, now));
        return new StageEvaluation(transition.To, changed: true);
    }
}
