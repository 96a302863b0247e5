using System;

namespace Crm.Extensions.Domain.Tests.Common;

internal sealed class FixedClock : IClock
{
    public FixedClock(DateTime utcNow)
    {
        UtcNow = utcNow;
    }

    public DateTime UtcNow { get; }

    public static FixedClock At(int year, int month, int day, int hour = 12, int minute = 0) =>
        new(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc));
}
