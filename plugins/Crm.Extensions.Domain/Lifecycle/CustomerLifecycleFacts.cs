using System;

namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>What the rules need to know about one customer, gathered by the plugin from images or a query.</summary>
/// <param name="TotalPaidPurchases">Paid, not cancelled, invoices ever.</param>
/// <param name="PaidPurchasesInLoyalWindow">Paid invoices in the last <see cref="LifecycleThresholds.LoyalWindowMonths"/> months.</param>
/// <param name="LastPurchaseUtc">Date of the latest paid invoice; null when there is none.</param>
/// <param name="LatestNpsScore">The latest NPS answer (0–10) from the survey loop; null when never asked.</param>
public sealed record CustomerLifecycleFacts(
    int TotalPaidPurchases,
    int PaidPurchasesInLoyalWindow,
    DateTime? LastPurchaseUtc,
    int? LatestNpsScore);
