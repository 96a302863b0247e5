using System;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>What is left of one credit (a lot) after replaying the ledger up to a date.</summary>
public sealed class LotState
{
    internal LotState(LedgerEntry entry)
    {
        Entry = entry;
        Remaining = entry.Points;
    }

    public LedgerEntry Entry { get; }

    public int Remaining { get; internal set; }

    public bool Vested { get; internal set; }

    public int Redeemed { get; internal set; }

    public int Reversed { get; internal set; }

    public int Expired { get; internal set; }

    /// <summary>How the lot reached zero (the last consumption decides), or pending/available while points remain.</summary>
    public LedgerEntryStatus Status { get; internal set; } = LedgerEntryStatus.Pending;

    internal DateTime ExpiryOrderKey => Entry.ExpiresOn ?? DateTime.MaxValue;

    internal int Take(long wanted, LedgerEntryStatus reason)
    {
        var taken = (int)Math.Min(wanted, Remaining);
        if (taken <= 0)
        {
            return 0;
        }

        Remaining -= taken;
        switch (reason)
        {
            case LedgerEntryStatus.Reversed:
                Reversed += taken;
                break;
            case LedgerEntryStatus.Expired:
                Expired += taken;
                break;
            default:
                Redeemed += taken;
                break;
        }

        if (Remaining == 0)
        {
            Status = reason;
        }

        return taken;
    }
}
