using System;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Domain.Tests.Common;

namespace Crm.Extensions.Domain.Tests.Intimacy;

public sealed class InteractionValidatorTests
{
    private static readonly FixedClock Clock = FixedClock.At(2026, 11, 23, 10);

    private static CustomerInteraction Valid() =>
        new(Guid.NewGuid(), "Phone", "Delivery question", InteractionKind.Behavioural, Clock.UtcNow.AddHours(-1), 12m, "Answered");

    [Fact]
    public void Should_Accept_When_TheInteractionIsComplete()
    {
        InteractionValidator.Validate(Valid(), Clock);
    }

    [Fact]
    public void Should_AcceptAZeroDurationAndAMissingOne_When_TheCallWasNotTimed()
    {
        InteractionValidator.Validate(Valid() with { DurationMinutes = 0m }, Clock);
        InteractionValidator.Validate(Valid() with { DurationMinutes = null }, Clock);
    }

    [Fact]
    public void Should_Refuse_When_NoCustomerIsGiven()
    {
        var refusal = Assert.Throws<BusinessRuleException>(() => InteractionValidator.Validate(Valid() with { CustomerId = null }, Clock));

        Assert.Contains("choose the customer", refusal.Text.English, StringComparison.Ordinal);
        Assert.Contains("elija el cliente", refusal.Text.Spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_TheCustomerIdIsEmpty()
    {
        Assert.Throws<BusinessRuleException>(() => InteractionValidator.Validate(Valid() with { CustomerId = Guid.Empty }, Clock));
    }

    [Fact]
    public void Should_Refuse_When_TheDateIsInTheFuture()
    {
        var refusal = Assert.Throws<BusinessRuleException>(() =>
            InteractionValidator.Validate(Valid() with { OccurredOnUtc = Clock.UtcNow.AddDays(1) }, Clock));

        Assert.Contains("2026-11-24", refusal.Text.English, StringComparison.Ordinal);
        Assert.Contains("en el futuro", refusal.Text.Spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_TolerateClockSkew_When_TheDateIsAFewMinutesAhead()
    {
        InteractionValidator.Validate(Valid() with { OccurredOnUtc = Clock.UtcNow.AddMinutes(4) }, Clock);
    }

    [Fact]
    public void Should_ListEveryProblem_When_SeveralRulesFail()
    {
        var invalid = Valid() with { CustomerId = null, OccurredOnUtc = Clock.UtcNow.AddHours(2), DurationMinutes = -3m };

        var refusal = Assert.Throws<BusinessRuleException>(() => InteractionValidator.Validate(invalid, Clock));

        Assert.Equal(4, refusal.Text.English.Split('\n').Length);
        Assert.Contains("negative", refusal.Text.English, StringComparison.Ordinal);
        Assert.Contains("negativa", refusal.Text.Spanish, StringComparison.Ordinal);
    }
}
