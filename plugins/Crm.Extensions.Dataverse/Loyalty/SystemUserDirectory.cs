using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Knows the organization's built-in SYSTEM user: the identity a plugin's <c>CreateOrganizationService(null)</c> acts as,
/// so a nested step sees it as its UserId. Its id differs per organization, so it is read once (the disabled user named
/// SYSTEM: nobody can sign in as it) and kept per organization; it never changes, so the cache never goes stale.
/// </summary>
public sealed class SystemUserDirectory
{
    private const string SystemUserName = "SYSTEM";
    private readonly object _gate = new();
    private readonly Dictionary<Guid, Guid?> _byOrganization = new();

    /// <summary>True when <paramref name="userId"/> is the organization's SYSTEM user.</summary>
    public bool IsSystem(IOrganizationService service, Guid organizationId, Guid userId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        Guid? system;
        lock (_gate)
        {
            _byOrganization.TryGetValue(organizationId, out system);
        }

        if (system is null)
        {
            // Request (once per organization and plugin instance): RetrieveMultiple — the SYSTEM user.
            var query = new QueryExpression(SystemUser.EntityLogicalName) { ColumnSet = new ColumnSet(SystemUser.Fields.SystemUserId), TopCount = 2 };
            query.Criteria.AddCondition(SystemUser.Fields.FullName, ConditionOperator.Equal, SystemUserName);
            query.Criteria.AddCondition(SystemUser.Fields.IsDisabled, ConditionOperator.Equal, true);
            var found = service.RetrieveMultiple(query).Entities.Select(row => row.Id).ToList();
            if (found.Count != 1) return false;
            system = found[0];
            lock (_gate)
            {
                _byOrganization[organizationId] = system;
            }
        }

        return system == userId;
    }
}
