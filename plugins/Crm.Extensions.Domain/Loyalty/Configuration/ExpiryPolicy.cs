using System;

namespace Crm.Extensions.Domain.Loyalty.Configuration;

public enum ExpiryPolicyKind
{
    AfterDays = 1,
    EndOfMonth = 2,
    EndOfYear = 3,
    Never = 4,
}

/// <summary>
/// When a lot of points stops being spendable. Lifetime counts from the moment the lot vests, so the pending
/// window never eats into the customer's usable time. EndOfMonth/EndOfYear round the lifetime up to the end of
/// that calendar period (Square's "valid through the last day of the month" rule), so a batch that runs monthly
/// or yearly expires whole periods at once.
/// </summary>
public sealed record ExpiryPolicy(ExpiryPolicyKind Kind, int Days)
{
    public const int DefaultDays = 365;

    public static ExpiryPolicy Default { get; } = new(ExpiryPolicyKind.AfterDays, DefaultDays);

    public static ExpiryPolicy Never { get; } = new(ExpiryPolicyKind.Never, 0);

    public static ExpiryPolicy AfterDays(int days) => new(ExpiryPolicyKind.AfterDays, days);

    public static ExpiryPolicy EndOfMonthAfter(int days) => new(ExpiryPolicyKind.EndOfMonth, days);

    public static ExpiryPolicy EndOfYearAfter(int days) => new(ExpiryPolicyKind.EndOfYear, days);

    /// <summary>The first instant at which the lot is expired (exclusive end of its life); null when it never expires.</summary>
    public DateTime? ExpiresOn(DateTime vestsOn)
    {
        if (Kind == ExpiryPolicyKind.Never)
        {
            return null;
        }

        var end = vestsOn.AddDays(Days);
        switch (Kind)
        {
            case ExpiryPolicyKind.EndOfMonth:
                return new DateTime(end.Year, end.Month, 1, 0, 0, 0, end.Kind).AddMonths(1);
            case ExpiryPolicyKind.EndOfYear:
                return new DateTime(end.Year + 1, 1, 1, 0, 0, 0, end.Kind);
            default:
                return end;
        }
    }
}
