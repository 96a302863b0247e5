using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Security;

/// <summary>
/// The loyalty columns of contact and account that only the product or a loyalty administrator may change, and the rule
/// that decides a write (solution/SECURITY.md). Contact and account share the cx_ column names.
/// </summary>
public static class LoyaltyColumns
{
    /// <summary>
    /// Kept by the product alone (ledger, tier evaluation, invoice steps, lifecycle, portfolio analysis): tier, balances,
    /// purchase facts, stage, and the analysis's RFM scores, lifetime value, segment and target flag.
    /// </summary>
    public static readonly string[] ProductManaged =
    {
        Contact.Fields.LoyaltyTierId, Contact.Fields.TierValidUntil, Contact.Fields.TierUpgradedOn, Contact.Fields.PointsBalance,
        Contact.Fields.PendingPoints, Contact.Fields.QualifyingPoints, Contact.Fields.UpgradeBlocked, Contact.Fields.UpgradeBlockedReason,
        Contact.Fields.TotalRevenue, Contact.Fields.TotalProfit, Contact.Fields.PurchaseCount, Contact.Fields.LastPurchaseOn,
        Contact.Fields.PaidInvoiceCount, Contact.Fields.RecentPaidInvoices, Contact.Fields.LifecycleStage,
        Contact.Fields.LifecycleStageChangedOn, Contact.Fields.RecencyScore, Contact.Fields.FrequencyScore, Contact.Fields.MonetaryScore,
        Contact.Fields.RfmScore, Contact.Fields.Clv, Contact.Fields.CustomerSegmentId, Contact.Fields.IsTarget,
        Contact.Fields.PointsDebt, Contact.Fields.WindowSpend, Contact.Fields.WindowPurchases, Contact.Fields.WindowOldestOn,
        Contact.Fields.LedgerKeptOn,
    };

    /// <summary>
    /// A loyalty journey's progress, kept by the invoice, survey and journey rules: whose journey in which family, its phase,
    /// when it started, its history and purchases. "At risk" is not among them: a loyalty administrator clears it after
    /// following up a detractor.
    /// </summary>
    public static readonly string[] JourneyProductManaged =
    {
        LoyaltyJourney.Fields.CustomerId, LoyaltyJourney.Fields.ProductFamilyId, LoyaltyJourney.Fields.Phase,
        LoyaltyJourney.Fields.PhaseStartedOn, LoyaltyJourney.Fields.PhaseHistory, LoyaltyJourney.Fields.PurchaseCount,
        LoyaltyJourney.Fields.FirstPurchaseOn, LoyaltyJourney.Fields.LastPurchaseOn,
    };

    /// <summary>Set by a loyalty administrator, always with <see cref="Reason"/>: the tier floor and the block.</summary>
    public static readonly string[] AdministratorSet = { Contact.Fields.TierFloorId, Contact.Fields.LoyaltyBlocked };

    public const string Reason = Contact.Fields.LoyaltyOverrideReason;

    /// <summary>Every column the guard watches: its filtering columns and pre-image.</summary>
    public static readonly string[] All = ProductManaged.Concat(AdministratorSet).Concat(new[] { Reason }).ToArray();

    public static readonly LocalizedText ReasonRequired = new(
        "Give a reason in \"Why the tier floor or block was set\" when you change the tier floor or the loyalty block; it is kept with " +
        "the customer.",
        "Indique un motivo en \"Por qué se fijó el nivel mínimo o la exclusión\" al cambiar el nivel mínimo o la exclusión; se conserva " +
        "con el cliente.");

    public static LocalizedText ProductManagedRefusal(IEnumerable<string> columns)
    {
        var names = string.Join(", ", columns);
        return new LocalizedText(
            $"These loyalty columns are kept by the product and cannot be changed by hand: {names}. "
            + "Points change through the ledger, the tier through tier evaluation, scores and segment through the portfolio analysis, "
            + "the stage and journey phases through the lifecycle and journey rules; "
            + "a loyalty administrator can set a tier floor with a reason.",
            $"Estas columnas de fidelización las mantiene el producto y no se pueden cambiar a mano: {names}. "
            + "Los puntos cambian con el libro de puntos, el nivel con la evaluación de niveles, "
            + "las puntuaciones y el segmento con el análisis de cartera, "
            + "la etapa y las fases de los recorridos con las reglas de ciclo de vida y de recorrido; "
            + "un administrador de fidelización puede fijar un nivel mínimo con un motivo.");
    }

    /// <summary>The watched columns this write changes: on Create any non-empty value, on Update a value unlike the stored one.</summary>
    public static IReadOnlyList<string> Changed(Entity target, Entity? stored) => Changed(target, stored, All);

    /// <summary>As <see cref="Changed(Entity, Entity?)"/>, over the <paramref name="watched"/> columns of the target's table.</summary>
    public static IReadOnlyList<string> Changed(Entity target, Entity? stored, IEnumerable<string> watched) =>
        watched.Where(column => target.Contains(column) && (stored is null
            ? !IsEmpty(target[column])
            : !SameValue(target[column], stored.Contains(column) ? stored[column] : null))).ToList();

    /// <summary>
    /// Refuses a write by a person (not the product) that changes a product-managed column, or the floor, block or reason
    /// unless the person is a loyalty administrator; a changed floor or block needs a reason in the same write.
    /// </summary>
    public static void Check(IReadOnlyList<string> changed, Entity target, Func<bool> isLoyaltyAdministrator)
    {
        if (changed is null) throw new ArgumentNullException(nameof(changed));
        if (target is null) throw new ArgumentNullException(nameof(target));
        if (isLoyaltyAdministrator is null) throw new ArgumentNullException(nameof(isLoyaltyAdministrator));
        var productManaged = changed.Where(c => ProductManaged.Contains(c) || JourneyProductManaged.Contains(c)).ToList();
        if (productManaged.Count > 0) throw new BusinessRuleException(ProductManagedRefusal(productManaged));
        if (changed.Count == 0) return;
        if (!isLoyaltyAdministrator()) throw new BusinessRuleException(CallerAccess.NotLoyaltyAdministrator);
        if (changed.Any(c => AdministratorSet.Contains(c)) && string.IsNullOrWhiteSpace(target.GetAttributeValue<string>(Reason)))
        {
            throw new BusinessRuleException(ReasonRequired);
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        bool flag => !flag,
        string text => text.Length == 0,
        int number => number == 0,
        decimal amount => amount == 0m,
        Money money => money.Value == 0m,
        _ => false,
    };

    private static bool SameValue(object? a, object? b)
    {
        if (a is null || b is null) return IsEmpty(a) && IsEmpty(b);
        if (a is EntityReference x && b is EntityReference y) return x.Id == y.Id;
        if (a is OptionSetValue p && b is OptionSetValue q) return p.Value == q.Value;
        if (a is Money m && b is Money n) return m.Value == n.Value;
        return Equals(a, b);
    }
}
