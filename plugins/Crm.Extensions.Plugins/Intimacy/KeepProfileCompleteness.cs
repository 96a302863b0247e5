using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Intimacy;

/// <summary>
/// Keeps cx_profilecompleteness current from the events that change one of the eight answers: an interaction (reason,
/// outcome, product, problem), a preference (created, moved, deleted), a case, and the customer's own stage or purchase
/// columns (the invoice event keeps cx_lifecyclestage and cx_paidinvoicecount; nothing is registered on invoice). Every
/// step is asynchronous: the score is informative, so it must never slow down or fail the user's save. The customer comes
/// from Target or the images, never from a Retrieve; when a row moves to another customer, both are recomputed. On the
/// customer's own update its post-image carries the customer's columns.
/// </summary>
public sealed class KeepProfileCompleteness : PluginBase
{
    private static readonly string[] CustomerColumns = { Contact.Fields.LifecycleStage, Contact.Fields.PaidInvoiceCount };

    public KeepProfileCompleteness(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        var interactionUpdate = StepDeclaration.On(SdkMessage.Update, Interaction.EntityLogicalName, PipelineStage.PostOperation).Async()
            .Filter(Interaction.Fields.CustomerId, Interaction.Fields.Reason, Interaction.Fields.Outcome, Interaction.Fields.ProductId,
                Interaction.Fields.Problem, Interaction.Fields.OccurredOn, Interaction.Fields.DurationMinutes)
            .WithPreImage(Interaction.Fields.CustomerId).WithPostImage(Interaction.Fields.CustomerId);
        Register(StepDeclaration.On(SdkMessage.Create, Interaction.EntityLogicalName, PipelineStage.PostOperation).Async(),
            c => Refresh(c, Interaction.Fields.CustomerId));
        Register(interactionUpdate, c => Refresh(c, Interaction.Fields.CustomerId));
        Register(StepDeclaration.On(SdkMessage.Create, Preference.EntityLogicalName, PipelineStage.PostOperation).Async(),
            c => Refresh(c, Preference.Fields.CustomerId));
        Register(
            StepDeclaration.On(SdkMessage.Update, Preference.EntityLogicalName, PipelineStage.PostOperation).Async()
                .Filter(Preference.Fields.CustomerId, Preference.Fields.ProductId)
                .WithPreImage(Preference.Fields.CustomerId).WithPostImage(Preference.Fields.CustomerId),
            c => Refresh(c, Preference.Fields.CustomerId));
        Register(
            StepDeclaration.On(SdkMessage.Delete, Preference.EntityLogicalName, PipelineStage.PostOperation).Async()
                .WithPreImage(Preference.Fields.CustomerId),
            c => Refresh(c, Preference.Fields.CustomerId));
        Register(StepDeclaration.On(SdkMessage.Create, Incident.EntityLogicalName, PipelineStage.PostOperation).Async(),
            c => Refresh(c, Incident.Fields.CustomerId));
        Register(
            StepDeclaration.On(SdkMessage.Update, Contact.EntityLogicalName, PipelineStage.PostOperation).Async().Filter(CustomerColumns)
            .WithPreImage(CustomerColumns).WithPostImage(ProfileFactsReader.CustomerColumns), RefreshTarget);
        Register(
            StepDeclaration.On(SdkMessage.Update, Account.EntityLogicalName, PipelineStage.PostOperation).Async().Filter(CustomerColumns)
            .WithPreImage(CustomerColumns).WithPostImage(ProfileFactsReader.CustomerColumns), RefreshTarget);
    }

    /// <summary>
    /// The customer's own update: its post-image carries the customer columns, so only the related rows are read. Every
    /// payment updates the paid-invoice count, but the answers only change when the stage or the first purchase appears or
    /// disappears, so any other update costs no request.
    /// </summary>
    private static void RefreshTarget(PluginContext context)
    {
        if (!ProfileAnswers.CustomerAnswersChanged(context.PreImage, context.PostImage)) return;
        Application.Intimacy.RefreshProfileCompleteness.Run(context, context.TargetReference, context.PostImage);
    }

    /// <summary>Every customer the row named before and after the event (Delete has only the pre-image).</summary>
    private static void Refresh(PluginContext context, string customerColumn)
    {
        var rows = new List<Entity?> { context.TargetRow, context.PreImage, context.PostImage };
        var customers = rows
            .Select(row => row?.GetAttributeValue<EntityReference>(customerColumn))
            .Where(CustomerRecords.IsCustomer)
            .GroupBy(customer => customer!.Id)
            .Select(group => group.First()!);
        foreach (var customer in customers) Application.Intimacy.RefreshProfileCompleteness.Run(context, customer);
    }
}
