using System;
using System.Threading;
using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Lifecycle;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Configuration;

/// <summary>
/// The one source of the settings every entry point classifies and earns with: the lifecycle thresholds
/// (<see cref="LifecycleSettings"/>, from the environment variables) and the active loyalty program with its tiers
/// (<see cref="LoyaltyProgramReader"/>), each read at most once per <see cref="TimeToLive"/>.
/// <para>
/// Every plugin and workflow activity instance holds one (see PluginBase and WorkflowActivityBase): the platform builds an
/// instance per step and reuses it across events and threads, so the steady state reads no settings. Thread safety is
/// lock-free: each setting is an immutable snapshot, read with <see cref="Volatile.Read{T}(ref T)"/> and replaced whole
/// with <see cref="Volatile.Write{T}(ref T, T)"/>; two threads that both find it expired both read, and either snapshot
/// is a correct one. A failed read (variables that contradict each other, a misconfigured program) is never kept, so the
/// fix applies at once. Staleness is the documented price: an edit reaches every entry point within the time to live.
/// </para>
/// </summary>
public sealed class SettingsCache
{
    /// <summary>
    /// How long a settings edit may take to reach a step or activity (plugins/Crm.Extensions.Plugins/Invoicing/README.md).
    /// </summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromMinutes(5);

    private Snapshot<LifecycleThresholds>? _lifecycle;
    private Snapshot<LoyaltyProgramConfiguration?>? _program;

    public SettingsCache()
        : this(DefaultTimeToLive)
    {
    }

    public SettingsCache(TimeSpan timeToLive)
    {
        if (timeToLive <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, "The time to live must be positive.");
        }

        TimeToLive = timeToLive;
    }

    public TimeSpan TimeToLive { get; }

    /// <summary>The lifecycle thresholds. Request (cold or expired only): RetrieveMultiple of the seven variables.</summary>
    public LifecycleThresholds Lifecycle(IOrganizationService service, Guid organizationId, DateTime nowUtc)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        return Current(ref _lifecycle, organizationId, nowUtc, () => LifecycleSettings.Read(service));
    }

    /// <summary>
    /// The active program, null when none is active (kept too). Request (cold or expired only): RetrieveMultiple of the
    /// active program ⟕ its tiers.
    /// </summary>
    public LoyaltyProgramConfiguration? Program(IOrganizationService service, Guid organizationId, DateTime nowUtc)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        return Current(ref _program, organizationId, nowUtc, () => LoyaltyProgramReader.Active(service));
    }

    private T Current<T>(ref Snapshot<T>? slot, Guid organizationId, DateTime nowUtc, Func<T> read)
    {
        var kept = Volatile.Read(ref slot);
        if (kept is not null && kept.OrganizationId == organizationId && nowUtc >= kept.ReadOn && nowUtc - kept.ReadOn < TimeToLive)
        {
            return kept.Value;
        }

        var value = read();
        Volatile.Write(ref slot, new Snapshot<T>(organizationId, value, nowUtc));
        return value;
    }

    private sealed record Snapshot<T>(Guid OrganizationId, T Value, DateTime ReadOn);
}

/// <summary>
/// The <see cref="SettingsCache"/> of the running plugin or activity, bound to one execution: its organization, its
/// operation time and a SYSTEM service (users need not read environment variables or the program's configuration).
/// </summary>
public sealed class ExecutionSettings
{
    private readonly SettingsCache _cache;
    private readonly IOrganizationService _system;
    private readonly Guid _organizationId;
    private readonly DateTime _nowUtc;

    public ExecutionSettings(SettingsCache cache, IOrganizationService systemService, Guid organizationId, DateTime nowUtc)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _system = systemService ?? throw new ArgumentNullException(nameof(systemService));
        _organizationId = organizationId;
        _nowUtc = nowUtc;
    }

    /// <summary>Refused (en/es) when the variables contradict each other (<see cref="LifecycleSettings.Read"/>).</summary>
    public LifecycleThresholds Lifecycle() => _cache.Lifecycle(_system, _organizationId, _nowUtc);

    public LoyaltyProgramConfiguration? Program() => _cache.Program(_system, _organizationId, _nowUtc);
}
