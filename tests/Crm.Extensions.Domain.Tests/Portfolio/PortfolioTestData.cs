using System;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

internal static class PortfolioTestData
{
    public static readonly DateTime End = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    public static readonly AnalysisWindow Window = AnalysisWindow.EndingAt(End, 24);

    public static CustomerKey Contact(int n) => new(CustomerType.Contact, Id(n));

    public static CustomerKey Account(int n) => new(CustomerType.Account, Id(n));

    public static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    /// <summary>A buyer with the given orders, revenue, cost and days since the last purchase.</summary>
    public static CustomerMetrics Buyer(CustomerKey key, int orders, decimal revenue, decimal cost = 0m, int recencyDays = 10) =>
        new(key, orders, revenue, cost, recencyDays);
}
