using System;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>
/// Sync, in the payment's transaction: an invoice paid moves the stage at once (issue 5 §5) and earns, balances, journeys
/// and the survey request in the same step (issue 6 §9: at most 4 requests); an invoice cancelled moves the stage at once
/// (its points are reversed by the async <see cref="InvoiceLoyalty"/>). The split update puts statecode/statuscode in their
/// own Update, hence the filter. The instance keeps the loyalty program for <see cref="ProgramTimeToLive"/>.
/// </summary>
public sealed class InvoiceLifecycle : PluginBase
{
    /// <summary>How long a program or tier edit may take to reach the invoice step (README "Configuration cache").</summary>
    public static readonly TimeSpan ProgramTimeToLive = TimeSpan.FromMinutes(5);

    private readonly LoyaltyProgramCache _programs = new(ProgramTimeToLive);

    public InvoiceLifecycle(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(
            StepDeclaration.On(SdkMessage.Update, Invoice.EntityLogicalName, PipelineStage.PostOperation)
                .Filter(Invoice.Fields.StateCode, Invoice.Fields.StatusCode)
                .WithPreImage(Invoice.Fields.StateCode)
                .WithPostImage(Invoice.Fields.StateCode, Invoice.Fields.CustomerId, Invoice.Fields.OwnerId),
            context => InvoiceLifecycleHandler.Handle(context, _programs));
    }
}
