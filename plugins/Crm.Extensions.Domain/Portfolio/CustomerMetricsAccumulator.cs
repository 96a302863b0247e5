using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// Folds invoice lines, page by page, into per-customer metrics. Lines outside the window are ignored,
/// so a loose query cannot inflate the figures; a line seen twice (same invoice) does not add an order.
/// </summary>
public sealed class CustomerMetricsAccumulator
{
    private readonly AnalysisWindow window;
    private readonly Dictionary<CustomerKey, Totals> totals = new();

    public CustomerMetricsAccumulator(AnalysisWindow window)
    {
        this.window = window ?? throw new ArgumentNullException(nameof(window));
    }

    /// <summary>Registers a customer who may have no purchases, so they come out as a prospect.</summary>
    public void AddCustomer(CustomerKey customer)
    {
        if (!totals.ContainsKey(customer))
        {
            totals.Add(customer, new Totals());
        }
    }

    public void AddLine(InvoiceLine line)
    {
        if (line is null)
        {
            throw new ArgumentNullException(nameof(line));
        }

        if (!window.Contains(line.InvoicedOnUtc))
        {
            return;
        }

        AddCustomer(line.Customer);
        var customer = totals[line.Customer];
        customer.Invoices.Add(line.InvoiceId);
        customer.Revenue += line.Amount;
        customer.Cost += line.Cost;
        if (customer.LastPurchaseUtc is null || line.InvoicedOnUtc > customer.LastPurchaseUtc)
        {
            customer.LastPurchaseUtc = line.InvoicedOnUtc;
        }
    }

    /// <summary>
    /// A customer's purchases already summed by the platform (one aggregate row per customer). The row's invoices are
    /// counted as they are: the aggregate counts distinct invoices, so one row never holds an invoice twice.
    /// </summary>
    public void AddPurchases(CustomerPurchases purchases)
    {
        if (purchases is null)
        {
            throw new ArgumentNullException(nameof(purchases));
        }

        if (purchases.Invoices <= 0 || !window.Contains(purchases.LastPurchaseUtc))
        {
            return;
        }

        AddCustomer(purchases.Customer);
        var customer = totals[purchases.Customer];
        customer.CountedOrders += purchases.Invoices;
        customer.Revenue += purchases.Revenue;
        customer.Cost += purchases.Cost;
        if (customer.LastPurchaseUtc is null || purchases.LastPurchaseUtc > customer.LastPurchaseUtc)
        {
            customer.LastPurchaseUtc = purchases.LastPurchaseUtc;
        }
    }

    /// <summary>One entry per customer seen, in <see cref="CustomerKey"/> order.</summary>
    public IReadOnlyList<CustomerMetrics> Build() =>
        totals
            .OrderBy(entry => entry.Key)
            .Select(entry => entry.Value.LastPurchaseUtc is { } last
                ? CustomerMetrics.FromTotals(entry.Key, entry.Value.Invoices.Count + entry.Value.CountedOrders, entry.Value.Revenue,
                    entry.Value.Cost, last, window)
                : CustomerMetrics.Prospect(entry.Key))
            .ToList();

    private sealed class Totals
    {
        public HashSet<Guid> Invoices { get; } = new();

        /// <summary>Invoices counted by the platform's aggregate (distinct within one customer's row).</summary>
        public int CountedOrders { get; set; }

        public decimal Revenue { get; set; }

        public decimal Cost { get; set; }

        public DateTime? LastPurchaseUtc { get; set; }
    }
}
