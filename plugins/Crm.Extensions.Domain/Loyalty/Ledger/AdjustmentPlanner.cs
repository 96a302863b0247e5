using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Configuration;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>What a loyalty administrator asked for through cx_AdjustPoints, already read from the request.</summary>
public sealed record AdjustmentRequest(Guid CustomerId, int Points, int ReasonCode, string Note, Guid AdjustedBy, Guid AdjustmentId);

/// <summary>
/// The one guarded path for manual changes to a balance. An adjustment is non-zero, at most the program's maximum balance
/// in size, never takes the member above the cap (a credit) nor below zero available points (a debit), and carries a
/// reason code and a note. A credit is a lot spendable at once that expires like a bonus and never counts toward tiers;
/// a debit takes available points oldest-expiring first (LedgerReplay).
/// </summary>
public static class AdjustmentPlanner
{
    /// <summary>cx_reason holds 400 characters: the note is stored there.</summary>
    public const int MaxNoteLength = 400;

    public static readonly LocalizedText NonZero = new(
        "Give the number of points to add (positive) or remove (negative); zero changes nothing.",
        "Indique los puntos que se suman (positivo) o se retiran (negativo); cero no cambia nada.");

    public static readonly LocalizedText NoteRequired = new(
        $"Write a note (at most {MaxNoteLength} characters) that explains the adjustment; it is kept with the ledger entry.",
        $"Escriba una nota (como mucho {MaxNoteLength} caracteres) que explique el ajuste; se guarda con el movimiento.");

    public static LedgerEntry Plan(AdjustmentRequest request, DateTime on, ProgramSettings program,
        IReadOnlyList<LedgerEntry> customerLedger)
    {
        if (request is null || program is null || customerLedger is null)
        {
            throw new ArgumentNullException(request is null ? nameof(request) : program is null ? nameof(program) : nameof(customerLedger));
        }

        var note = (request.Note ?? string.Empty).Trim();
        if (note.Length == 0 || note.Length > MaxNoteLength) throw new BusinessRuleException(NoteRequired);
        if (request.Points == 0) throw new BusinessRuleException(NonZero);
        var size = Math.Abs((long)request.Points);
        if (program.MaxBalance is { } cap && size > cap)
        {
            throw new BusinessRuleException(new LocalizedText(
                $"An adjustment can move at most {LoyaltyText.Number(cap)} points, the program maximum; {LoyaltyText.Number(size)} were " +
                $"asked for.",
                $"Un ajuste puede mover como mucho {LoyaltyText.Number(cap)} puntos, el máximo del programa; se pidieron " +
                $"{LoyaltyText.Number(size)}."));
        }

        var balances = LedgerReplay.Replay(customerLedger, on).Balances;
        if (request.Points > 0)
        {
            BalanceCap.EnsureRoom(balances, program.MaxBalance, request.Points);
        }
        else if (size > balances.Available)
        {
            var available = Math.Max(0L, balances.Available);
            throw new BusinessRuleException(new LocalizedText(
                $"The member has {LoyaltyText.Number(available)} available points, so at most {LoyaltyText.Number(available)} can be " +
                $"removed ({LoyaltyText.Number(size)} were asked for).",
                $"El miembro tiene {LoyaltyText.Number(available)} puntos disponibles, así que se pueden retirar como mucho " +
                $"{LoyaltyText.Number(available)} (se pidieron {LoyaltyText.Number(size)})."));
        }

        var key = SourceKeys.Adjust(request.AdjustmentId);
        var entry = new LedgerEntry(DeterministicId.From(key), request.CustomerId, LedgerEntryKind.Adjust, request.Points, on, key,
            new LocalizedText(note, note))
        {
            AdjustmentReason = request.ReasonCode,
            AdjustedBy = request.AdjustedBy,
        };
        return request.Points > 0
            ? entry with { Status = LedgerEntryStatus.Available, VestsOn = on, ExpiresOn = program.Expiry.ExpiresOn(on) }
            : entry;
    }
}
