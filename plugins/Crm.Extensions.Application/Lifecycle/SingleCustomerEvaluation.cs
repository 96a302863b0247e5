using System;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Localization;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Lifecycle;

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
/// The scheduled evaluation of one customer, exactly as cx_EvaluateLifecycle does it (<see cref="LifecycleEvaluation"/>,
/// the thresholds the caller's settings cache holds, the same per-day key), for callers that name the customer themselves
/// (the workflow activity).
/// </summary>
public static class SingleCustomerEvaluation
{
    public static readonly LocalizedText CustomerRequired = new(
        "Choose the contact or account whose lifecycle stage to evaluate.",
        "Elija el contacto o la cuenta cuya etapa del ciclo de vida quiere evaluar.");

    /// <summary>
    /// The settings query (cold cache only) and the facts query; on a change also an Update of the customer and a Create of
    /// the transition.
    /// </summary>
    public static StageEvaluation Evaluate(
        IOrganizationService service, EntityReference? customer, DateTime now, ExecutionSettings settings)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (settings is null) throw new ArgumentNullException(nameof(settings));
        if (customer is null || !CustomerRecords.IsCustomer(customer) || customer.Id == Guid.Empty) throw new BusinessRuleException(CustomerRequired);
        return LifecycleEvaluation.EvaluateCustomer(service, customer, now, settings.Lifecycle());
    }
}
