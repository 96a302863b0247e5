using System;
using System.Collections.Generic;

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

    /// <summary>
    /// Combined execution time (on the emulator clock, plugins included) of caller requests allowed per window before a
    /// throttling fault; null (the default) turns this guard off. Dataverse's figure is 20 minutes per 5 minutes.
    /// </summary>
    public TimeSpan? ServiceProtectionExecutionTimeLimit { get; set; }

    /// <summary>
    /// Caller requests allowed in flight at once; one more fails at once. Null (the default) turns this guard off. Dataverse's figure is
    /// 52.
    /// </summary>
    public int? ServiceProtectionConcurrencyLimit { get; set; }

    /// <summary>
    /// The organization's fiscal calendar for the fiscal condition operators: calendar year with monthly periods unless a test sets
    /// another.
    /// </summary>
    public FiscalCalendar FiscalCalendar { get; set; } = FiscalCalendar.CalendarYearMonthly;

    /// <summary>
    /// Duplicate-detection rules. Rules are environment configuration, not solution metadata, so a test registers them here.
    /// They apply only to a Create or Update whose request carries SuppressDuplicateDetection = false.
    /// </summary>
    public List<DuplicateDetectionRule> DuplicateDetectionRules { get; } = new();

    /// <summary>
    /// Where ids of rows created without one come from. Dataverse's ids carry no meaning, and the default (random) keeps
    /// tests honest about it; a seeded source makes a whole run repeatable, down to the order of id-keyed pages.
    /// </summary>
    public Func<Guid> NewRowId { get; set; } = Guid.NewGuid;

    /// <summary>Where the clock starts.</summary>
    public DateTime StartTimeUtc { get; set; } = new(2025, 1, 15, 9, 0, 0, DateTimeKind.Utc);
}
