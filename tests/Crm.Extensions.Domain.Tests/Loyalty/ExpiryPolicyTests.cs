using Crm.Extensions.Domain.Loyalty.Configuration;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class ExpiryPolicyTests
{
    [Fact]
    public void Should_Expire365DaysAfterVesting_When_TheDefaultPolicyApplies()
    {
        Assert.Equal(Day(2026, 3, 1), ExpiryPolicy.Default.ExpiresOn(Day(2025, 3, 1)));
    }

    [Fact]
    public void Should_RoundUpToTheEndOfThatMonth_When_ThePolicyIsEndOfMonth()
    {
        // 30 days after 10 Jan is 9 Feb: the points stay valid through the last day of February.
        Assert.Equal(Day(2025, 3, 1), ExpiryPolicy.EndOfMonthAfter(30).ExpiresOn(Day(2025, 1, 10)));
    }

    [Fact]
    public void Should_RoundUpToTheEndOfThatYear_When_ThePolicyIsEndOfYear()
    {
        Assert.Equal(Day(2027, 1, 1), ExpiryPolicy.EndOfYearAfter(365).ExpiresOn(Day(2025, 6, 15)));
    }

    [Fact]
    public void Should_NeverExpire_When_ThePolicyIsNever()
    {
        Assert.Null(ExpiryPolicy.Never.ExpiresOn(Day(2025, 6, 15)));
    }
}
