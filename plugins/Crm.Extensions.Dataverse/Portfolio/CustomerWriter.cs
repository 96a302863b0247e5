using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>
/// Writes one batch (at most 1,000 rows of one table) with a single UpdateMultiple, all or nothing. An empty batch, where
/// nothing changed, costs no request at all.
/// </summary>
public static class CustomerWriter
{
    public static void Write(IOrganizationService service, string table, IReadOnlyList<Entity> changed)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (changed is null) throw new ArgumentNullException(nameof(changed));
        if (changed.Count == 0) return;

        var targets = new EntityCollection { EntityName = table };
        foreach (var row in changed) targets.Entities.Add(row);
        service.Execute(new UpdateMultipleRequest { Targets = targets });
    }
}
