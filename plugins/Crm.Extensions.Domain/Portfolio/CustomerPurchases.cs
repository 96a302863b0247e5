using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// One customer's paid invoices in the window, already summed: the analysis's aggregate returns one of these per customer
/// (invoice lines grouped by customer, with each line's kept cost), instead of one row per invoice and product cost.
/// </summary>
/// <param name="Invoices">Distinct paid invoices.</param>
/// <param name="Revenue">Σ line amounts.</param>
/// <param name="Cost">Σ line costs.</param>
/// <param name="LastPurchaseUtc">The latest payment.</param>
public sealed record CustomerPurchases(CustomerKey Customer, int Invoices, decimal Revenue, decimal Cost, DateTime LastPurchaseUtc);
