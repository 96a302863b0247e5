using System;
using System.Collections.Concurrent;
using System.Linq;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Knows the organization's built-in SYSTEM user: the identity a plugin's <c>CreateOrganizationService(null)</c> acts as,
/// so a nested step sees it as its UserId. Its id differs per organization, so it is read once (the disabled user named
/// SYSTEM: nobody can sign in as it) and kept per organization; it never changes, so the cache never goes stale.
/// Lock-free: the plugin instance serves parallel requests, and the solution checker flags a lock in a plugin
/// (il-avoid-lock-plugin); two threads that both miss read the same id, so the later write changes nothing.
/// </summary>
public sealed class SystemUserDirectory
{
    private readonly ConcurrentDictionary<Guid, Guid> _byOrganization = new();

    /// <summary>True when <paramref name="userId"/> is the organization's SYSTEM user.</summary>
    public bool IsSystem(IOrganizationService service, Guid organizationId, Guid userId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (!_byOrganization.TryGetValue(organizationId, out var system))
        {
            // Request (once per organization and plugin instance): RetrieveMultiple — the SYSTEM user.
            var query = new QueryExpression(SystemUser.EntityLogicalName) { ColumnSet = new ColumnSet(SystemUser.Fields.SystemUserId),
                TopCount = 2 };
            query.Criteria.AddCondition(SystemUser.Fields.FullName, ConditionOperator.Equal, CallerAccess.SystemUserName);
            query.Criteria.AddCondition(SystemUser.Fields.IsDisabled, ConditionOperator.Equal, true);
            var found = service.RetrieveMultiple(query).Entities.Select(row => row.Id).ToList();
            if (found.Count != 1) return false;
            system = found[0];
            _byOrganization[organizationId] = system;
        }

        return system == userId;
    }
}
