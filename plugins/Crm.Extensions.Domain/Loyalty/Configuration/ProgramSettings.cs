using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Configuration;

/// <summary>A <c>cx_loyaltyprogram</c>. Every business value lives here; DEFAULTS.md gives the source of each default.</summary>
public sealed record ProgramSettings
{
    public int QualificationWindowMonths { get; init; } = 12;

    public int DowngradeGraceDays { get; init; } = 30;

    /// <summary>Equal to the return window, so returned purchases never leave spendable points behind.</summary>
    public int PendingDays { get; init; } = 14;

    public decimal PointsPerCurrencyUnit { get; init; } = 1m;

    public ExpiryPolicy Expiry { get; init; } = ExpiryPolicy.Default;

    /// <summary>Most points (available plus pending) one member may hold; null means no cap.</summary>
    public int? MaxBalance { get; init; } = 1_000_000;

    public IReadOnlyCollection<Guid> ExcludedFamilyIds { get; init; } = Array.Empty<Guid>();

    /// <summary>Share (0..1) of the most profitable customers guaranteed at least the VIP tier.</summary>
    public decimal VipTopProfitShare { get; init; } = 0.05m;

    public int ExpiryWarningDays { get; init; } = 30;

    /// <summary>Price list of customers without a tier, restored when a customer leaves every tier.</summary>
    public Guid? BasePriceListId { get; init; }

    public int DetractorUpgradeBlockDays { get; init; } = 90;

    /// <summary>
    /// Most days cx_BirthdayBackfillDays may allow, so a back-dated run can never reach into an earlier year's birthdays.
    /// </summary>
    public const int MaxBirthdayBackfillDays = 31;

    /// <summary>How many days back a missed birthday run may still be processed (cx_ProcessBirthdays); 0 = only today.</summary>
    public int BirthdayBackfillDays { get; init; }

    /// <summary>Refuses a configuration the rules cannot run on, naming every wrong setting.</summary>
    public void EnsureValid()
    {
        var problems = new List<LocalizedText>();
        Require(problems, QualificationWindowMonths > 0, "The qualification window must be at least one month.",
            "La ventana de calificación debe ser de al menos un mes.");
        Require(problems, DowngradeGraceDays >= 0, "The downgrade grace cannot be negative.",
            "El periodo de gracia de descenso no puede ser negativo.");
        Require(problems, PendingDays >= 0, "The pending days cannot be negative.", "Los días pendientes no pueden ser negativos.");
        Require(problems, PointsPerCurrencyUnit >= 0m, "Points per currency unit cannot be negative.",
            "Los puntos por unidad monetaria no pueden ser negativos.");
        Require(problems, Expiry.Kind == ExpiryPolicyKind.Never || Expiry.Days >= 0, "The expiry days cannot be negative.",
            "Los días de vencimiento no pueden ser negativos.");
        Require(problems, MaxBalance is null or > 0, "The maximum balance must be greater than zero or empty.",
            "El saldo máximo debe ser mayor que cero o quedar vacío.");
        Require(problems, VipTopProfitShare >= 0m && VipTopProfitShare <= 1m, "The VIP top-profit share must be between 0 and 100%.",
            "La cuota VIP de mayor rentabilidad debe estar entre 0 y 100 %.");
        Require(problems, ExpiryWarningDays >= 0, "The expiry warning days cannot be negative.",
            "Los días de aviso de vencimiento no pueden ser negativos.");
        Require(problems, BirthdayBackfillDays >= 0 && BirthdayBackfillDays <= MaxBirthdayBackfillDays,
            $"The birthday catch-up must be between 0 and {MaxBirthdayBackfillDays} days.",
            $"La recuperación de cumpleaños debe estar entre 0 y {MaxBirthdayBackfillDays} días.");
        Require(problems, DetractorUpgradeBlockDays >= 0, "The detractor block days cannot be negative.",
            "Los días de bloqueo por detractor no pueden ser negativos.");
        if (problems.Count > 0)
        {
            throw new BusinessRuleException(LoyaltyText.Join(problems));
        }
    }

    private static void Require(List<LocalizedText> problems, bool condition, string english, string spanish)
    {
        if (!condition)
        {
            problems.Add(new LocalizedText(english, spanish));
        }
    }
}
