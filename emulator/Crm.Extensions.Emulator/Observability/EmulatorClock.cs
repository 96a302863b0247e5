using System;

namespace Crm.Extensions.Emulator.Observability;

/// <summary>The emulator's "now". Starts at a fixed instant so tests are repeatable; tests move it to travel in time.</summary>
public sealed class EmulatorClock
{
    public EmulatorClock(DateTime startUtc) => UtcNow = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);

    public DateTime UtcNow { get; private set; }

    public void Set(DateTime utc) => UtcNow = DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    public void Advance(TimeSpan by) => UtcNow = UtcNow.Add(by);
}
