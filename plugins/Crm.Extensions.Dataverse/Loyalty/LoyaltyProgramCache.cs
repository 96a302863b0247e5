using System;
using System.Collections.Concurrent;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// The active loyalty program and its tiers, read at most once per <see cref="TimeToLive"/> per organization. A plugin
/// keeps one in its instance: the platform creates a plugin instance per step and reuses it across events and threads,
/// so the steady-state invoice event reads no configuration. The map is a ConcurrentDictionary rather than a lock: the solution
/// checker flags locks in plug-ins (il-avoid-lock-plugin), and two threads that both miss simply both read and the last write wins.
/// Staleness is the documented price: a program or tier edit reaches the invoice step within the time to live. A failed read (a misconfigured program) is
/// never cached, so the fix applies at once.
/// </summary>
public sealed class LoyaltyProgramCache
{
    private readonly ConcurrentDictionary<Guid, Entry> _byOrganization = new();

    public LoyaltyProgramCache(TimeSpan timeToLive)
    {
        if (timeToLive <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, "The time to live must be positive.");
        TimeToLive = timeToLive;
    }

    public TimeSpan TimeToLive { get; }

    /// <summary>The active program (null when none is active, which is cached too) as of <paramref name="nowUtc"/>.</summary>
    public LoyaltyProgramConfiguration? Active(IOrganizationService service, Guid organizationId, DateTime nowUtc)
    {
        if (_byOrganization.TryGetValue(organizationId, out var cached) && nowUtc >= cached.ReadOn && nowUtc - cached.ReadOn < TimeToLive)
        {
            return cached.Program;
        }

        // Request (cold or expired cache only): RetrieveMultiple — the active program ⟕ its tiers.
        var program = LoyaltyProgramReader.Active(service);
        _byOrganization[organizationId] = new Entry(program, nowUtc);

        return program;
    }

    private sealed record Entry(LoyaltyProgramConfiguration? Program, DateTime ReadOn);
}
