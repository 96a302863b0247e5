using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Crm.Extensions.Domain.Loyalty.Journeys;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Maps a domain journey to <c>cx_loyaltyjourney</c>. The phase history (and the last counted invoice, the replay guard)
/// is kept in <c>cx_phasehistory</c>, one line per change: <c>on|from|to|trigger</c>, after a <c>last-invoice=</c> line.
/// </summary>
public static class JourneyRows
{
    public const string LastInvoicePrefix = "last-invoice=";

    public static readonly string[] Columns =
    {
        EarlyBound.LoyaltyJourney.Fields.CustomerId, EarlyBound.LoyaltyJourney.Fields.ProductFamilyId,
        EarlyBound.LoyaltyJourney.Fields.Phase,
        EarlyBound.LoyaltyJourney.Fields.PurchaseCount, EarlyBound.LoyaltyJourney.Fields.IsAtRisk,
        EarlyBound.LoyaltyJourney.Fields.PhaseHistory,
    };

    /// <summary>The row to Upsert: addressed by its alternate key (customer + family), never by a guessed id.</summary>
    public static Entity ToRow(JourneyUpdate update, EntityReference customer, DateTime on, bool isPurchase)
    {
        if (update is null) throw new ArgumentNullException(nameof(update));
        var journey = update.Journey;
        var keys = new KeyAttributeCollection
        {
            { EarlyBound.LoyaltyJourney.Fields.CustomerId, customer },
            { EarlyBound.LoyaltyJourney.Fields.ProductFamilyId, new EntityReference(Product.EntityLogicalName, journey.FamilyId) },
        };
        var row = new Entity(EarlyBound.LoyaltyJourney.EntityLogicalName, keys)
        {
            [EarlyBound.LoyaltyJourney.Fields.Phase] = new OptionSetValue((int)PhaseOf(journey.Phase)),
            [EarlyBound.LoyaltyJourney.Fields.PurchaseCount] = journey.PurchaseCount,
            [EarlyBound.LoyaltyJourney.Fields.IsAtRisk] = journey.AtRisk,
            [EarlyBound.LoyaltyJourney.Fields.PhaseHistory] = History(journey),
        };
        if (isPurchase) row[EarlyBound.LoyaltyJourney.Fields.LastPurchaseOn] = on;
        if (update.IsNew && isPurchase)
        {
            row[EarlyBound.LoyaltyJourney.Fields.FirstPurchaseOn] = on;
        }

        if (update.IsNew)
            row[EarlyBound.LoyaltyJourney.Fields.Name] = "Journey "
            + journey.FamilyId.ToString("N", CultureInfo.InvariantCulture).Substring(0, 8);

        if (update.Changes.Count > 0) row[EarlyBound.LoyaltyJourney.Fields.PhaseStartedOn] = update.Changes[update.Changes.Count - 1].On;
        return row;
    }

    public static FamilyJourney FromRow(Entity row)
    {
        if (row is null) throw new ArgumentNullException(nameof(row));
        var lines = (row.GetAttributeValue<string>(EarlyBound.LoyaltyJourney.Fields.PhaseHistory) ?? string.Empty)
            .Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
        var lastInvoice = lines.Where(line => line.StartsWith(LastInvoicePrefix, StringComparison.Ordinal))
            .Select(line => Guid.Parse(line.Substring(LastInvoicePrefix.Length))).Cast<Guid?>().FirstOrDefault();
        return new FamilyJourney(
            row.GetAttributeValue<EntityReference>(EarlyBound.LoyaltyJourney.Fields.CustomerId)?.Id ?? Guid.Empty,
            row.GetAttributeValue<EntityReference>(EarlyBound.LoyaltyJourney.Fields.ProductFamilyId)?.Id ?? Guid.Empty,
            PhaseFrom(row.GetAttributeValue<OptionSetValue>(EarlyBound.LoyaltyJourney.Fields.Phase)?.Value))
        {
            PurchaseCount = row.GetAttributeValue<int?>(EarlyBound.LoyaltyJourney.Fields.PurchaseCount) ?? 0,
            AtRisk = row.GetAttributeValue<bool?>(EarlyBound.LoyaltyJourney.Fields.IsAtRisk) ?? false,
            LastInvoiceId = lastInvoice,
            History = lines.Where(line => !line.StartsWith(LastInvoicePrefix, StringComparison.Ordinal)).Select(Change).ToList(),
        };
    }

    private static string History(FamilyJourney journey)
    {
        var text = new StringBuilder();
        if (journey.LastInvoiceId is { } invoiceId) text.Append(LastInvoicePrefix).Append(invoiceId.ToString("D")).Append('\n');
        foreach (var change in journey.History)
        {
            text.Append(change.On.ToString("o", CultureInfo.InvariantCulture)).Append('|')
                .Append(change.From?.ToString() ?? string.Empty).Append('|')
                .Append(change.To).Append('|').Append(change.Trigger).Append('\n');
        }

        return text.ToString();
    }

    private static PhaseChange Change(string line)
    {
        var parts = line.Split('|');
        JourneyPhase? from = parts[1].Length == 0 ? null : (JourneyPhase)Enum.Parse(typeof(JourneyPhase), parts[1]);
        return new PhaseChange(
            from,
            (JourneyPhase)Enum.Parse(typeof(JourneyPhase), parts[2]),
            DateTime.Parse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            (PhaseTrigger)Enum.Parse(typeof(PhaseTrigger), parts[3]));
    }

    private static GlobalChoices.LoyaltyPhase PhaseOf(JourneyPhase phase) => phase switch
    {
        JourneyPhase.Knowledge => GlobalChoices.LoyaltyPhase.IKnowledge,
        JourneyPhase.Growth => GlobalChoices.LoyaltyPhase.IIGrowth,
        _ => GlobalChoices.LoyaltyPhase.IIIRetention,
    };

    private static JourneyPhase PhaseFrom(int? value) => (GlobalChoices.LoyaltyPhase?)value switch
    {
        GlobalChoices.LoyaltyPhase.IIGrowth => JourneyPhase.Growth,
        GlobalChoices.LoyaltyPhase.IIIRetention => JourneyPhase.Retention,
        _ => JourneyPhase.Knowledge,
    };
}
