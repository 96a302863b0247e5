using System;
using Crm.Extensions.Domain.Intimacy;

namespace Crm.Extensions.Domain.Tests.Intimacy;

public sealed class LastInteractionTests
{
    private static readonly DateTime Noon = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private static CustomerInteraction At(DateTime when, decimal minutes = 5m) =>
        new(Guid.NewGuid(), "Email", "Invoice copy", InteractionKind.Behavioural, when, minutes, null);

    [Fact]
    public void Should_TakeTheInteraction_When_TheCustomerHadNone()
    {
        Assert.Equal(new LastInteraction(Noon, 5m, "Invoice copy", "Email"), LastInteraction.After(null, At(Noon)));
    }

    [Fact]
    public void Should_ChangeNothing_When_AnOlderInteractionIsEnteredLate()
    {
        var current = new LastInteraction(Noon, 5m, "x", "Phone");

        Assert.Null(LastInteraction.After(current, At(Noon.AddDays(-2))));
    }

    [Fact]
    public void Should_ChangeNothing_When_TheSameInteractionIsSavedAgain()
    {
        var current = LastInteraction.After(null, At(Noon));

        Assert.Null(LastInteraction.After(current, At(Noon)));
    }

    [Fact]
    public void Should_Replace_When_TheInteractionIsNewer()
    {
        var current = new LastInteraction(Noon, 5m, "x", "Phone");

        Assert.Equal(Noon.AddHours(1), LastInteraction.After(current, At(Noon.AddHours(1), 20m))!.OccurredOnUtc);
    }
}
