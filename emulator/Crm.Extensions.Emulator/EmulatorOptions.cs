using System;

namespace Crm.Extensions.Emulator;

/// <summary>Platform limits the emulator enforces; the defaults are Dataverse's.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Nested calls deeper than this fail as an infinite loop.</summary>
    public int MaxDepth { get; set; } = 8;

    /// <summary>Requests in one ExecuteMultiple.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>A sync operation, plugins included, that takes longer (on the emulator clock) fails and rolls back.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A plugin taking longer than this (on the emulator clock) is reported in Warnings.</summary>
    public TimeSpan SlowPluginWarning { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Caller requests allowed per window before a throttling fault; null (the default) turns throttling off.</summary>
    public int? ServiceProtectionRequestLimit { get; set; }

    public TimeSpan ServiceProtectionWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Moves the clock forward on every request, to simulate slow operations (for example against the timeout).</summary>
    public TimeSpan ClockAdvancePerRequest { get; set; } = TimeSpan.Zero;

    /// <summary>Where the clock starts.</summary>
    public DateTime StartTimeUtc { get; set; } = new(2025, 1, 15, 9, 0, 0, DateTimeKind.Utc);
}
