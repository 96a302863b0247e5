using System;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Status = Crm.Extensions.Domain.Loyalty.Ledger.LedgerEntryStatus;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Maps <see cref="LedgerEntry"/> to and from <c>cx_loyaltytransaction</c>. The reason is stored in English (the table has
/// one text column); debits, which the domain keeps as "posted", are stored with the status that names their kind.
/// </summary>
public static class LedgerRows
{
    /// <summary>The columns <see cref="FromRow"/> reads: every query of the ledger asks for exactly these.</summary>
    public static readonly string[] Columns =
    {
        LoyaltyTransaction.Fields.CustomerId, LoyaltyTransaction.Fields.EntryType, LoyaltyTransaction.Fields.EntryStatus,
        LoyaltyTransaction.Fields.Points, LoyaltyTransaction.Fields.EarnedOn, LoyaltyTransaction.Fields.SourceKey,
        LoyaltyTransaction.Fields.Reason, LoyaltyTransaction.Fields.AvailableOn, LoyaltyTransaction.Fields.ExpiresOn,
        LoyaltyTransaction.Fields.InvoiceId, LoyaltyTransaction.Fields.InvoiceDetailId, LoyaltyTransaction.Fields.Amount,
        LoyaltyTransaction.Fields.QualifyingPoints, LoyaltyTransaction.Fields.RemainingPoints,
    };

    public static LoyaltyTransaction ToRow(LedgerEntry entry, EntityReference customer, Guid programId)
    {
        if (entry is null) throw new ArgumentNullException(nameof(entry));
        var row = new LoyaltyTransaction
        {
            Id = entry.Id,
            [LoyaltyTransaction.Fields.LoyaltyTransactionId] = entry.Id,
            [LoyaltyTransaction.Fields.Name] = Truncate(
                entry.Kind + " " + entry.Points.ToString(System.Globalization.CultureInfo.InvariantCulture), 200),
            [LoyaltyTransaction.Fields.CustomerId] = customer,
            [LoyaltyTransaction.Fields.LoyaltyProgramId] = new EntityReference(LoyaltyProgram.EntityLogicalName, programId),
            [LoyaltyTransaction.Fields.EntryType] = new OptionSetValue((int)TypeOf(entry.Kind)),
            [LoyaltyTransaction.Fields.EntryStatus] = new OptionSetValue((int)StatusOf(entry)),
            [LoyaltyTransaction.Fields.Points] = entry.Points,
            [LoyaltyTransaction.Fields.EarnedOn] = entry.OccurredOn,
            [LoyaltyTransaction.Fields.SourceKey] = entry.SourceKey,
            [LoyaltyTransaction.Fields.Reason] = Truncate(entry.Reason.English, 400),
            [LoyaltyTransaction.Fields.AvailableOn] = entry.VestsOn,
            [LoyaltyTransaction.Fields.ExpiresOn] = entry.ExpiresOn,
            [LoyaltyTransaction.Fields.Amount] = new Money(entry.BaseAmount),
            [LoyaltyTransaction.Fields.QualifyingPoints] = entry.IsQualifying ? entry.Points : 0,
        };
        if (entry.InvoiceId is { } invoiceId)
            row[LoyaltyTransaction.Fields.InvoiceId] = new EntityReference(Invoice.EntityLogicalName, invoiceId);
        if (entry.InvoiceLineId is { } lineId)
            row[LoyaltyTransaction.Fields.InvoiceDetailId] = new EntityReference(InvoiceDetail.EntityLogicalName, lineId);
        // A debit holds nothing (0), so a row without a value is one written before the ledger kept remaining points.
        var kept = entry.IsCredit && entry.Points > 0 ? entry.Remaining : 0;
        if (kept is { } remaining) row[LoyaltyTransaction.Fields.RemainingPoints] = remaining;
        if (entry.AdjustmentReason is { } adjustment) row[LoyaltyTransaction.Fields.AdjustmentReason] = new OptionSetValue(adjustment);
        if (entry.AdjustedBy is { } user)
            row[LoyaltyTransaction.Fields.AdjustedById] = new EntityReference(SystemUser.EntityLogicalName, user);
        return row;
    }

    /// <summary>Reads a ledger row; <paramref name="prefix"/> is the link alias when the row came through a link-entity.</summary>
    public static LedgerEntry? FromRow(Entity row, string prefix = "")
    {
        if (row is null) throw new ArgumentNullException(nameof(row));
        var id = Value<Guid?>(row, prefix, LoyaltyTransaction.Fields.LoyaltyTransactionId);
        if (id is null) return null;
        var kind = KindOf(Value<OptionSetValue>(row, prefix, LoyaltyTransaction.Fields.EntryType)?.Value, id.Value);
        var reason = Value<string>(row, prefix, LoyaltyTransaction.Fields.Reason) ?? string.Empty;
        var stored = Value<OptionSetValue>(row, prefix, LoyaltyTransaction.Fields.EntryStatus)?.Value;
        var points = Value<int?>(row, prefix, LoyaltyTransaction.Fields.Points) ?? 0;
        var isLot = kind is LedgerEntryKind.Earn or LedgerEntryKind.Bonus or LedgerEntryKind.Refund
            || (kind == LedgerEntryKind.Adjust && points > 0);
        return new LedgerEntry(
            id.Value,
            Value<EntityReference>(row, prefix, LoyaltyTransaction.Fields.CustomerId)?.Id ?? Guid.Empty,
            kind,
            points,
            Value<DateTime?>(row, prefix, LoyaltyTransaction.Fields.EarnedOn) ?? DateTime.MinValue,
            Value<string>(row, prefix, LoyaltyTransaction.Fields.SourceKey) ?? string.Empty,
            new LocalizedText(reason, reason))
        {
            Status = isLot ? StatusFrom(stored) : Status.Posted,
            VestsOn = Value<DateTime?>(row, prefix, LoyaltyTransaction.Fields.AvailableOn),
            ExpiresOn = Value<DateTime?>(row, prefix, LoyaltyTransaction.Fields.ExpiresOn),
            InvoiceId = Value<EntityReference>(row, prefix, LoyaltyTransaction.Fields.InvoiceId)?.Id,
            InvoiceLineId = Value<EntityReference>(row, prefix, LoyaltyTransaction.Fields.InvoiceDetailId)?.Id,
            BaseAmount = Value<Money>(row, prefix, LoyaltyTransaction.Fields.Amount)?.Value ?? 0m,
            IsQualifying = (Value<int?>(row, prefix, LoyaltyTransaction.Fields.QualifyingPoints) ?? 0) != 0,
            Remaining = isLot ? Value<int?>(row, prefix, LoyaltyTransaction.Fields.RemainingPoints) : null,
            LotId = kind == LedgerEntryKind.Expire ? ExpiredLot(Value<string>(row, prefix, LoyaltyTransaction.Fields.SourceKey)) : null,
        };
    }

    /// <summary>
    /// An expire entry names its lot in its source key (<c>expire:&lt;lot&gt;:&lt;date&gt;</c>, <see cref="SourceKeys.Expire"/>).
    /// </summary>
    private static Guid? ExpiredLot(string? sourceKey)
    {
        var parts = (sourceKey ?? string.Empty).Split(':');
        return parts.Length == 3 && Guid.TryParse(parts[1], out var lot) ? lot : null;
    }

    private static T? Value<T>(Entity row, string prefix, string column)
    {
        if (prefix.Length == 0) return row.GetAttributeValue<T>(column);
        return row.GetAttributeValue<AliasedValue>(prefix + "." + column) is { Value: T value } ? value : default;
    }

    private static GlobalChoices.LedgerEntryType TypeOf(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Earn => GlobalChoices.LedgerEntryType.Earn,
        LedgerEntryKind.Bonus => GlobalChoices.LedgerEntryType.Bonus,
        LedgerEntryKind.Reverse => GlobalChoices.LedgerEntryType.Reverse,
        LedgerEntryKind.Redeem => GlobalChoices.LedgerEntryType.Redeem,
        LedgerEntryKind.Expire => GlobalChoices.LedgerEntryType.Expire,
        LedgerEntryKind.Adjust => GlobalChoices.LedgerEntryType.Adjust,
        LedgerEntryKind.Refund => GlobalChoices.LedgerEntryType.Refund,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No ledger entry type for this kind."),
    };

    /// <summary>
    /// Every option of cx_ledgerentrytype is handled; a row without a type (written before the ledger guard) is refused with
    /// a clear message naming the row, so the nightly run can set that one member aside (ProcessLoyaltyLedger).
    /// </summary>
    private static LedgerEntryKind KindOf(int? type, Guid rowId) => (GlobalChoices.LedgerEntryType?)type switch
    {
        GlobalChoices.LedgerEntryType.Earn => LedgerEntryKind.Earn,
        GlobalChoices.LedgerEntryType.Bonus => LedgerEntryKind.Bonus,
        GlobalChoices.LedgerEntryType.Reverse => LedgerEntryKind.Reverse,
        GlobalChoices.LedgerEntryType.Redeem => LedgerEntryKind.Redeem,
        GlobalChoices.LedgerEntryType.Expire => LedgerEntryKind.Expire,
        GlobalChoices.LedgerEntryType.Adjust => LedgerEntryKind.Adjust,
        GlobalChoices.LedgerEntryType.Refund => LedgerEntryKind.Refund,
        _ => throw new BusinessRuleException(new LocalizedText(
            $"The points movement {rowId} has no valid entry type ({Describe(type)}), so this member's points cannot be worked out. Ask " +
            $"a loyalty administrator to correct it with Adjust points.",
            $"El movimiento de puntos {rowId} no tiene un tipo válido ({Describe(type)}), así que no se pueden calcular los puntos de " +
            $"este miembro. Pida a un administrador de fidelización que lo corrija con Ajustar puntos.")),
    };

    private static string Describe(int? type) => type?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    private static GlobalChoices.LedgerEntryStatus StatusOf(LedgerEntry entry) => entry.Status switch
    {
        Status.Pending => GlobalChoices.LedgerEntryStatus.Pending,
        Status.Available => GlobalChoices.LedgerEntryStatus.Available,
        Status.Redeemed => GlobalChoices.LedgerEntryStatus.Redeemed,
        Status.Expired => GlobalChoices.LedgerEntryStatus.Expired,
        Status.Reversed => GlobalChoices.LedgerEntryStatus.Reversed,
        _ => entry.Kind switch
        {
            LedgerEntryKind.Redeem => GlobalChoices.LedgerEntryStatus.Redeemed,
            LedgerEntryKind.Expire => GlobalChoices.LedgerEntryStatus.Expired,
            LedgerEntryKind.Adjust => GlobalChoices.LedgerEntryStatus.Adjusted,
            _ => GlobalChoices.LedgerEntryStatus.Reversed,
        },
    };

    /// <summary>The stored option of a lot status (a status change of the period run).</summary>
    public static GlobalChoices.LedgerEntryStatus StoredStatus(Status status) => status switch
    {
        Status.Available => GlobalChoices.LedgerEntryStatus.Available,
        Status.Redeemed => GlobalChoices.LedgerEntryStatus.Redeemed,
        Status.Expired => GlobalChoices.LedgerEntryStatus.Expired,
        Status.Reversed => GlobalChoices.LedgerEntryStatus.Reversed,
        _ => GlobalChoices.LedgerEntryStatus.Pending,
    };

    private static Status StatusFrom(int? stored) => (GlobalChoices.LedgerEntryStatus?)stored switch
    {
        GlobalChoices.LedgerEntryStatus.Available => Status.Available,
        GlobalChoices.LedgerEntryStatus.Redeemed => Status.Redeemed,
        GlobalChoices.LedgerEntryStatus.Expired => Status.Expired,
        GlobalChoices.LedgerEntryStatus.Reversed => Status.Reversed,
        _ => Status.Pending,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length);
}
