using System.Linq;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Propositions;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Propositions;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Propositions;

/// <summary>cx_GetNextBestOffer(Customer): the best active proposition of the customer's segment, excluding products already bought.</summary>
public sealed class GetNextBestOffer : PluginBase
{
    public const string ApiName = "cx_GetNextBestOffer";
    public const string CustomerParameter = "Customer";
    public const string PropositionOutput = "Proposition";
    public const string OfferTextOutput = "OfferText";

    private static readonly LocalizedText CustomerRequired = new(
        "Choose a contact or an account as the customer to get an offer for.",
        "Elija un contacto o una cuenta como el cliente para el que quiere una oferta.");

    public GetNextBestOffer(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var customer = context.Input<EntityReference>(CustomerParameter);
        if (!CustomerRecords.IsCustomer(customer)) throw new BusinessRuleException(CustomerRequired);

        var candidates = OfferCandidates.For(context.UserService, customer!);
        var best = NextBestOffer.Select(candidates.ForDomain, candidates.SegmentId, candidates.ProductsBought);
        var row = best is null ? null : candidates.Propositions.First(p => p.Id == best.Id);
        context.SetOutput(PropositionOutput, row?.ToEntityReference()!);
        context.SetOutput(OfferTextOutput, row?.OfferText ?? row?.Name ?? string.Empty);
    }
}
