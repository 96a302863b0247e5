using System;
using System.Collections.Generic;
using System.Globalization;
using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Localization;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Lifecycle;

/// <summary>What one unit of the scheduled evaluation did, and where the next unit starts (null: the evaluation is done).</summary>
public sealed record LifecycleUnitResult(int Transitions, int Customers, LifecycleCursor? Next);

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
/// The scheduled evaluation (cx_EvaluateLifecycle), in bounded units: each unit reads one page of aging customers after the
/// cursor with their facts, has the domain engine evaluate them and writes the changes in batches, then returns the cursor of
/// the next page. A unit is at most one page of 5,000 customers: one page read, its facts pages, and at most 5 UpdateMultiple
/// and 5 CreateMultiple, whatever the size of the base; the caller calls again with the cursor while there is more. Each
/// change is keyed per customer and day, so a re-run the same day records nothing twice (and finds nothing to change anyway).
/// </summary>
public static class EvaluateLifecycle
{
    public static readonly LocalizedText BadPageSize = new(
        "The page size must be between 1 and 5,000 customers; leave it empty for 5,000.",
        "El tamaño de página debe estar entre 1 y 5.000 clientes; déjelo vacío para usar 5.000.");

    public static readonly LocalizedText NotACustomer = new(
        "Choose a contact or an account to evaluate, or leave the customer empty to evaluate everyone.",
        "Elija un contacto o una cuenta para evaluar, o deje el cliente vacío para evaluar a todos.");

    public static readonly LocalizedText CustomerRequired = new(
        "Choose the contact or account whose lifecycle stage to evaluate.",
        "Elija el contacto o la cuenta cuya etapa del ciclo de vida quiere evaluar.");

    /// <summary>
    /// cx_EvaluateLifecycle: the named customer (<paramref name="only"/>), or one unit of the base after the cursor. The
    /// thresholds come from the host's settings cache (a query only when it is cold or expired).
    /// </summary>
    public static LifecycleUnitResult Run(IUseCaseContext context, EntityReference? only, string? cursorText, int? pageSize)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(EvaluateLifecycle);
        if (only is not null && !CustomerRecords.IsCustomer(only)) throw new BusinessRuleException(NotACustomer);
        InputRules.ExistingRow(context.SystemService, "Customer", only, "contact", "account");
        var size = pageSize ?? LifecycleBatchReader.PageSize;
        if (size < 1 || size > LifecycleBatchReader.PageSize) throw new BusinessRuleException(BadPageSize);
        var cursor = LifecycleCursor.Parse(cursorText);

        var now = context.Clock.UtcNow;
        var thresholds = context.Settings.Lifecycle();
        if (only is null) return EvaluateUnit(context.SystemService, now, thresholds, cursor, size);
        var changed = EvaluateCustomer(context.SystemService, only, now, thresholds).Changed ? 1 : 0;
        return new LifecycleUnitResult(changed, 1, null);
    }

    /// <summary>
    /// The workflow activity Evaluate lifecycle stage: one named customer, exactly as the API evaluates it (same reader,
    /// engine, writer and per-day key). The stage and its transition change the customer, so <paramref name="caller"/> (the
    /// workflow's user) must be able to write that customer, asked first. The customer's existence query, the caller's
    /// rights, the settings query (cold cache only) and the facts query; on a change also an Update of the customer and a
    /// Create of the transition.
    /// </summary>
    public static StageEvaluation Customer(IUseCaseContext context, Guid caller, EntityReference? customer)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(EvaluateLifecycle);
        customer = CustomerInput.Existing(context, customer, CustomerRequired);
        CallerAccess.DemandWrite(context.SystemService, caller, customer);
        return EvaluateCustomer(context.SystemService, customer, context.Clock.UtcNow, context.Settings.Lifecycle());
    }

    /// <summary>
    /// One unit: up to <paramref name="pageSize"/> customers after <paramref name="cursor"/>. When a table ends with room
    /// left in the unit, the next table's first customers fill it (so a small base is done in one call); at most one page
    /// and one facts query per table.
    /// </summary>
    private static LifecycleUnitResult EvaluateUnit(
        IOrganizationService service, DateTime now, LifecycleThresholds thresholds, LifecycleCursor cursor,
        int pageSize = LifecycleBatchReader.PageSize)
    {
        if (cursor is null) throw new ArgumentNullException(nameof(cursor));
        var changes = new List<PlannedTransition>();
        var customers = 0;
        LifecycleCursor? next = cursor;
        while (next is not null && customers < pageSize)
        {
            var page = LifecycleBatchReader.ReadPage(service, now, thresholds, next.Table, next.After, pageSize - customers);
            foreach (var customer in page.Customers)
            {
                if (Plan(customer, now, thresholds) is { } change) changes.Add(change);
            }

            customers += page.Customers.Count;
            next = page.MoreRecords ? next with { After = page.LastId } : next.NextTable();
        }

        LifecycleBatchWriter.Write(service, changes);
        return new LifecycleUnitResult(changes.Count, customers, next);
    }

    /// <summary>One customer: its facts in one query; on a change, an Update of the customer and a Create of the transition.</summary>
    private static StageEvaluation EvaluateCustomer(IOrganizationService service, EntityReference customer, DateTime now,
        LifecycleThresholds thresholds)
    {
        var current = CustomerLifecycleReader.Read(service, customer, now, thresholds);
        var change = Plan(current, now, thresholds);
        if (change is null) return new StageEvaluation(current.Stage, changed: false);
        LifecycleWriter.Write(service, change.Customer, change.Transition, change.SourceKey);
        return new StageEvaluation(change.Transition.To, changed: true);
    }

    private static PlannedTransition? Plan(CustomerLifecycle current, DateTime now, LifecycleThresholds thresholds)
    {
        var transition = LifecycleEngine.Evaluate(current.Stage, current.Facts, LifecycleTrigger.ScheduledEvaluation, now, thresholds);
        return transition is null ? null : new PlannedTransition(current.Customer, transition, SourceKey(current.Customer, now));
    }

    private static string SourceKey(EntityReference customer, DateTime now) => SourceKey(customer.Id, now);

    /// <summary>The transition's alternate key: one scheduled transition per customer and day.</summary>
    public static string SourceKey(Guid customerId, DateTime now) =>
        string.Format(CultureInfo.InvariantCulture, "lifecycle:{0}:{1:D}:{2:yyyy-MM-dd}", LifecycleTrigger.ScheduledEvaluation, customerId,
            now);
}
