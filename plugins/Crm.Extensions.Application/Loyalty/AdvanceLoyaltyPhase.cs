using System;
using System.Linq;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Journeys;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Loyalty;

/// <summary>Where a customer's journey in one product family stands after an advance.</summary>
public sealed class PhaseAdvanceResult
{
    public PhaseAdvanceResult(Guid familyId, JourneyPhase? phase, bool advanced)
    {
        FamilyId = familyId;
        Phase = phase;
        Advanced = advanced;
    }

    /// <summary>The top-level product of the product's family.</summary>
    public Guid FamilyId { get; }

    /// <summary>Null when the customer has no journey in the family (no paid purchase in it yet).</summary>
    public JourneyPhase? Phase { get; }

    public bool Advanced { get; }

    /// <summary>The phase as the cx_phase option value (GlobalChoices.LoyaltyPhase), or null.</summary>
    public int? PhaseOption => Phase switch
    {
        JourneyPhase.Knowledge => (int)GlobalChoices.LoyaltyPhase.IKnowledge,
        JourneyPhase.Growth => (int)GlobalChoices.LoyaltyPhase.IIGrowth,
        JourneyPhase.Retention => (int)GlobalChoices.LoyaltyPhase.IIIRetention,
        _ => null,
    };
}

/// <summary>
/// Advances a customer's journey in the family of one product as far as the customer's standing allows, with the rules
/// and adapters of the invoice flow: the family by <see cref="ProductFamilyReader"/> (ProductFamilies.FamilyOf), the
/// journey by <see cref="JourneyRepository"/>, the move by <see cref="JourneyEngine.OnStandingChanged"/> (phase II enters
/// phase III with a VIP tier or a place in the target base; phase III only from phase II). Phase I → II needs a second
/// purchase or a positive survey: those are events the invoice and survey flows record, so this never fakes one.
/// A journey opens only with a paid purchase, so a customer without one in the family gets no phase and nothing is written.
/// </summary>
public static class AdvanceLoyaltyPhase
{
    public static readonly LocalizedText CustomerRequired = new(
        "Choose the customer (a contact or an account) whose loyalty phase to advance.",
        "Elija el cliente (un contacto o una cuenta) cuya fase de fidelización quiere avanzar.");

    public static readonly LocalizedText ProductRequired = new(
        "Choose the product whose product family the loyalty phase belongs to.",
        "Elija el producto a cuya familia de productos pertenece la fase de fidelización.");

    /// <param name="caller">
    /// The workflow's user: journeys are system-managed and written as SYSTEM, so only for a customer this user may write,
    /// asked before anything is written, as <see cref="RedeemReward"/> asks.
    /// </param>
    public static PhaseAdvanceResult Run(IUseCaseContext context, Guid caller, EntityReference? customer, EntityReference? product)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(AdvanceLoyaltyPhase);
        var service = context.SystemService;
        var now = context.Clock.UtcNow;
        customer = CustomerInput.Existing(context, customer, CustomerRequired);
        if (product is null || product.LogicalName != Product.EntityLogicalName || product.Id == Guid.Empty)
            throw new BusinessRuleException(ProductRequired);
        CallerAccess.DemandWrite(service, caller, customer);

        var familyId = ProductFamilyReader.FamilyOf(service, product.Id);
        var journey = JourneyRepository.ForCustomer(service, customer.Id).FirstOrDefault(j => j.FamilyId == familyId);
        if (journey is null) return new PhaseAdvanceResult(familyId, null, advanced: false);

        var update = JourneyEngine.OnStandingChanged(journey, Standing(service, customer), now);
        if (update is null) return new PhaseAdvanceResult(familyId, journey.Phase, advanced: false);

        JourneyRepository.Save(service, update, customer, now, isPurchase: false);
        return new PhaseAdvanceResult(familyId, update.Journey.Phase, advanced: true);
    }

    /// <summary>Phase III conditions, as the survey flow reads them: no active program means no VIP tier.</summary>
    private static CustomerStanding Standing(IOrganizationService service, EntityReference customer)
    {
        var program = LoyaltyProgramReader.Active(service);
        var member = MemberLedgerReader.Read(service, customer);
        var holdsVip = program is not null && new TierEvaluator(program.Settings, program.Tiers).HoldsVip(member.TierId);
        return new CustomerStanding(holdsVip, member.InTargetBase);
    }
}
