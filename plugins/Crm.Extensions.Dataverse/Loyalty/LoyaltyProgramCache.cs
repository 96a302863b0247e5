using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// The active loyalty program and its tiers, read at most once per <see cref="TimeToLive"/> per organization. A plugin
/// keeps one in its instance: the platform creates a plugin instance per step and reuses it across events (and threads,
/// hence the lock), so the steady-state invoice event reads no configuration. Staleness is the documented price: a
/// program or tier edit reaches the invoice step within the time to live. A failed read (a misconfigured program) is
/// never cached, so the fix applies at once.
/// </summary>
public sealed class LoyaltyProgramCache
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, Entry> _byOrganization = new();

    public LoyaltyProgramCache(TimeSpan timeToLive)
    {
        if (timeToLive <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, "The time to live must be positive.");
        TimeToLive = timeToLive;
    }

    public TimeSpan TimeToLive { get; }

    /// <summary>The active program (null when none is active, which is cached too) as of <paramref name="nowUtc"/>.</summary>
    public LoyaltyProgramConfiguration? Active(IOrganizationService service, Guid organizationId, DateTime nowUtc)
    {
        lock (_gate)
        {
            if (_byOrganization.TryGetValue(organizationId, out var cached) && nowUtc >= cached.ReadOn && nowUtc - cached.ReadOn < TimeToLive)
            {
                return cached.Program;
            }
        }

        // Request (cold or expired cache only): RetrieveMultiple — the active program ⟕ its tiers.
        var program = LoyaltyProgramReader.Active(service);
        lock (_gate)
        {
            _byOrganization[organizationId] = new Entry(program, nowUtc);
        }

        return program;
    }

    private sealed record Entry(LoyaltyProgramConfiguration? Program, DateTime ReadOn);
}
